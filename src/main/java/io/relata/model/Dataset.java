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
