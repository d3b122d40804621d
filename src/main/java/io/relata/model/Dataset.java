package io.relata.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A link-prediction benchmark folder (train.txt, valid.txt, test.txt of head TAB relation TAB tail) as indexed splits. */
public record Dataset(String name, List<String> entities, List<String> relations, Triples train, Triples valid, Triples test,
        int testTriplesWithUnseenEntities) {

    public static Dataset read(Path folder) throws IOException {
        Map<String, Integer> entities = new LinkedHashMap<>();
        Map<String, Integer> relations = new LinkedHashMap<>();
        Triples train = readSplit(folder.resolve("train.txt"), entities, relations);
        int trainedEntities = entities.size();
        Triples valid = readSplit(folder.resolve("valid.txt"), entities, relations);
        Triples test = readSplit(folder.resolve("test.txt"), entities, relations);
        int unseen = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.heads()[i] >= trainedEntities || test.tails()[i] >= trainedEntities) {
                unseen++;
            }
        }
        return new Dataset(folder.getFileName().toString(), List.copyOf(entities.keySet()), List.copyOf(relations.keySet()),
                train, valid, test, unseen);
    }

    /**
     * This dataset in a saved model's index space, matched by entity label and relation name; facts naming an entity or
     * relation the model does not know are left out, and the test facts left out are counted as unseen.
     */
    public Dataset inVocabulary(Vocabulary vocabulary) {
        Map<String, Integer> entityIndex = new java.util.HashMap<>();
        for (int i = vocabulary.entityLabels().size() - 1; i >= 0; i--) {
            entityIndex.put(vocabulary.entityLabels().get(i), i);
        }
        Map<String, Integer> relationIndex = vocabulary.relationIndex();
        Triples mappedTest = remap(test, entityIndex, relationIndex);
        return new Dataset(name, vocabulary.entityLabels(), vocabulary.relations(), remap(train, entityIndex, relationIndex),
                remap(valid, entityIndex, relationIndex), mappedTest, test.size() - mappedTest.size());
    }

    private Triples remap(Triples split, Map<String, Integer> entityIndex, Map<String, Integer> relationIndex) {
        List<int[]> rows = new ArrayList<>(split.size());
        for (int i = 0; i < split.size(); i++) {
            Integer head = entityIndex.get(entities.get(split.heads()[i]));
            Integer relation = relationIndex.get(relations.get(split.relations()[i]));
            Integer tail = entityIndex.get(entities.get(split.tails()[i]));
            if (head != null && relation != null && tail != null) {
                rows.add(new int[] {head, relation, tail});
            }
        }
        return Triples.of(rows);
    }

    private static Triples readSplit(Path file, Map<String, Integer> entities, Map<String, Integer> relations) throws IOException {
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IOException(file + " line " + number + ": expected head, relation, tail separated by tabs");
                }
                rows.add(new int[] {
                    entities.computeIfAbsent(f[0], k -> entities.size()),
                    relations.computeIfAbsent(f[1], k -> relations.size()),
                    entities.computeIfAbsent(f[2], k -> entities.size())});
            }
        }
        return Triples.of(rows);
    }
}
