package io.relata.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Writes the built-in English lexicon into the store at start; phrases users added are kept. */
@Component
@Order(0)
class LexiconSeeder implements ApplicationRunner {

    static final String DEFAULT_LEXICON = "lexicon/english-family.txt";

    private final Lexicon lexicon;

    LexiconSeeder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (InputStream in = new ClassPathResource(DEFAULT_LEXICON).getInputStream()) {
            lexicon.seed(LexiconFile.read(in, "builtin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
