package io.relata.lexicon;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * all-MiniLM-L6-v2 (quantized) as packaged by langchain4j: the ONNX model and its WordPiece tokenizer come inside the
 * jar and run in process on ONNX Runtime, offline.
 */
final class MiniLmEmbedder implements Embedder {

    /** The tokenizer file langchain4j ships beside the model; its vocabulary tells words from misspellings. */
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final EmbeddingModel model;
    private final Set<String> wholeWords;

    private MiniLmEmbedder(EmbeddingModel model, Set<String> wholeWords) {
        this.model = model;
        this.wholeWords = wholeWords;
    }

    /** Loads the model (about a second of CPU and some 100 MB of native memory): call it off the request path. */
    static MiniLmEmbedder load() {
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        model.embed("warm up");
        return new MiniLmEmbedder(model, vocabulary());
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public boolean knowsWord(String word) {
        return wholeWords.contains(word);
    }

    @Override
    public String name() {
        return "all-MiniLM-L6-v2 (quantized)";
    }

    /** The tokenizer's whole-word entries: those that are not continuation pieces ("##ing") nor special tokens. */
    private static Set<String> vocabulary() {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException(TOKENIZER + " is not on the class path");
            }
            JsonNode vocab = JsonMapper.builder().build().readTree(in).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            for (String token : vocab.propertyNames()) {
                if (!token.startsWith("##") && !token.startsWith("[")) {
                    words.add(token);
                }
            }
            if (words.isEmpty()) {
                throw new IllegalStateException(TOKENIZER + " holds no vocabulary");
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
