package io.relata;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** relata's settings as Spring binds them, defaults included, for tests that build a component by hand. */
public final class TestProperties {

    private TestProperties() {}

    /** The defaults, with the given {@code relata.*} keys (without the prefix) set: "model.device", "cpu", ... */
    public static RelataProperties relata(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            values.put("relata." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("relata", RelataProperties.class);
    }
}
