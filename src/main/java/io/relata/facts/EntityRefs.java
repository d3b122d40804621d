package io.relata.facts;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads an {@link EntityRef} from the first four columns of a row: id, entity_key, label, description. */
final class EntityRefs {

    /** The columns {@link #read} expects, for a select list over the entity table aliased {@code e}. */
    static final String COLUMNS = "e.id, e.entity_key, e.label, e.description";

    private EntityRefs() {}

    static EntityRef read(ResultSet rs) throws SQLException {
        return new EntityRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
}
