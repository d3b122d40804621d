package io.relata.lexicon;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the built-in English lexicon into the store at start: what the store lacks is added; what users added is kept,
 * and what users deleted stays deleted.
 */
@Component
@Order(0)
class LexiconSeeder implements ApplicationRunner {

    private final Lexicon lexicon;

    LexiconSeeder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void run(ApplicationArguments args) {
        lexicon.seed(LexiconFile.builtin());
    }
}
