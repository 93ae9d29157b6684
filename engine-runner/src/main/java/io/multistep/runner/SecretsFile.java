package io.multistep.runner;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads {@code --secrets-file}: a flat YAML map (or a {@code .properties} file) of secret id to value. */
final class SecretsFile {

    private SecretsFile() {}

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (file.toString().endsWith(".properties")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            return values;
        }
        Object doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--secrets-file " + file + " is not valid YAML: " + e.getMessage());
        }
        if (doc == null) {
            return values;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("--secrets-file " + file + " must be a map of secret id to value");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof java.util.List) {
                throw new IllegalArgumentException("--secrets-file " + file + ": the value of " + e.getKey()
                        + " must be text");
            }
            values.put(String.valueOf(e.getKey()), e.getValue() == null ? "" : String.valueOf(e.getValue()));
        }
        return values;
    }
}
