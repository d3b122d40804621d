package io.relata.facts;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the store: on the embedded H2 store every commit reaches the disk before it returns; the name index. */
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
    NameIndex nameIndex(JdbcTemplate template) {
        return new NameIndex(template);
    }
}
