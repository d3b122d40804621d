package io.relata.imports;

import io.relata.InvalidInputException;
import io.relata.StrictJson;
import io.relata.imports.rdf.ImportProfile;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The import profiles: the built-in ones (wikidata, dbpedia, schema) and those teams post for their own vocabularies. */
@Repository
public class ImportProfiles {

    /** Profiles a store holds at most; each maps a vocabulary, so a few dozen is already many. */
    static final int MAX_PROFILES = 1_000;

    private static final JsonMapper JSON = StrictJson.mapper();

    private final JdbcClient jdbc;

    ImportProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The profile of that name, built-in or posted. */
    public Optional<ImportProfile> find(String name) {
        Optional<ImportProfile> builtIn = ImportProfile.builtIn(name);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        return jdbc.sql("select body from import_profile where name = ?").param(name).query(String.class).optional()
                .map(body -> ImportProfile.fromJson(JSON.readTree(body)));
    }

    /** The profile, or a 400 that names the profiles there are. */
    ImportProfile require(String name) {
        return find(name).orElseThrow(() -> new InvalidInputException("unknown import profile '" + name
                + "'; the built-in ones are " + String.join(", ", ImportProfile.BUILT_IN)
                + ", and others are posted to /v1/import-profiles"));
    }

    /** Stores a posted profile, replacing one of the same name; true when it is new. A built-in name is refused. */
    @Transactional
    public boolean save(ImportProfile profile) {
        if (ImportProfile.builtIn(profile.name()).isPresent()) {
            throw new InvalidInputException("'" + profile.name() + "' is a built-in profile and cannot be replaced");
        }
        String body = JSON.writeValueAsString(profile.toJson());
        int updated = jdbc.sql("update import_profile set body = ? where name = ?").params(body, profile.name()).update();
        if (updated > 0) {
            return false;
        }
        long count = jdbc.sql("select count(*) from import_profile").query(Long.class).single();
        if (count >= MAX_PROFILES) {
            throw new InvalidInputException("the store holds " + MAX_PROFILES + " import profiles already; at most that many");
        }
        jdbc.sql("insert into import_profile (name, body) values (?, ?)").params(profile.name(), body).update();
        return true;
    }

    /** The names of the posted profiles, in order. */
    public List<String> posted() {
        return jdbc.sql("select name from import_profile order by name").query(String.class).list();
    }
}
