package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void credentialsInParametersAreMasked() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://db:5432/relata?user=relata&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/relata?user=***&password=***&ssl=true");
        assertThat(JdbcUrls.withoutCredentials("jdbc:h2:file:/data/store/relata;MODE=PostgreSQL;USER=sa;PASSWORD=x"))
                .isEqualTo("jdbc:h2:file:/data/store/relata;MODE=PostgreSQL;USER=***;PASSWORD=***");
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://db/relata?sslpassword=k"))
                .isEqualTo("jdbc:postgresql://db/relata?sslpassword=***");
    }

    @Test
    void credentialsInTheAuthorityAreDropped() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:mysql://admin:hunter2@db:3306/relata"))
                .isEqualTo("jdbc:mysql://db:3306/relata");
    }

    @Test
    void aUrlWithoutSecretsIsUnchanged() {
        String url = "jdbc:h2:file:/var/lib/relata/store/relata;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        assertThat(JdbcUrls.withoutCredentials(url)).isEqualTo(url);
        assertThat(JdbcUrls.withoutCredentials(null)).isEqualTo("(none configured)");
    }
}
