package io.relata.facts;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Wires the store for the database in use: on the embedded H2 store every commit reaches the disk before it returns
 * and names are spelled through the word_variant table; on PostgreSQL through pg_trgm.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    @Bean
    static BeanPostProcessor syncedEmbeddedCommits() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof SyncedCommits)) {
                    try {
                        return SyncedCommits.around(dataSource);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot open the store: " + e.getMessage(), e);
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    NameIndex nameIndex(JdbcTemplate template, DataSource dataSource) {
        return new NameIndex(template, isH2(dataSource));
    }

    @Bean
    SpellingIndex spellingIndex(JdbcClient jdbc, WordPostings postings, DataSource dataSource) {
        return isH2(dataSource) ? new WordVariantSpelling(jdbc, postings) : new TrigramSpelling(jdbc);
    }

    /** The embedded store (H2) or PostgreSQL. */
    static boolean isH2(DataSource dataSource) {
        try {
            return "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot read which database the store is: " + e.getMessage(), e);
        }
    }
}
