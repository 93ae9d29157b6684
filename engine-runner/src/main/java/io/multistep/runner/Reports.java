package io.multistep.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multistep.engine.RunResult;
import io.multistep.engine.SecretMasker;
import io.multistep.engine.StepResult;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The machine-readable forms of a run: the JSON run report ({@code --report}), the JUnit XML
 * report ({@code --junit}) and the reference's dependency report.
 */
final class Reports {

    static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {}

    /** The run report as a JSON tree (JSON Schema: {@code schemas/run-report.schema.json} in the jar). */
    static ObjectNode runReport(RunResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", result.runId());
        root.put("status", lower(result.status().name()));
        result.failureMessage().ifPresent(m -> root.put("failure", m));
        root.put("startedAt", result.startedAt().toString());
        root.put("endedAt", result.endedAt().toString());
        root.put("durationSeconds", result.duration().toNanos() / 1e9);
        ArrayNode steps = root.putArray("steps");
        for (StepResult s : result.steps()) {
            steps.add(runReportStep(s));
        }
        root.set("dependencies", dependencies(result.dependencies()));
        return root;
    }

    /** One step of the run report. */
    static ObjectNode runReportStep(StepResult s) {
        ObjectNode step = JSON.createObjectNode();
        step.put("id", s.id());
        step.put("kind", s.kind().key());
        step.put("status", lower(s.status().name()));
        if (s.exitCode().isPresent()) {
            step.put("exitCode", s.exitCode().getAsInt());
        } else {
            step.putNull("exitCode");
        }
        step.put("attempts", s.attempts());
        s.startedAt().ifPresent(t -> step.put("startedAt", t.toString()));
        s.endedAt().ifPresent(t -> step.put("endedAt", t.toString()));
        step.put("durationSeconds", s.duration().toNanos() / 1e9);
        s.failure().ifPresent(f -> {
            ObjectNode failure = step.putObject("failure");
            failure.put("message", f.message());
            failure.put("reason", lower(f.reason().name()));
            f.runtimeKind().ifPresent(k -> failure.put("runtimeKind", lower(k.name())));
        });
        ArrayNode images = step.putArray("images");
        for (ImageRecord image : s.images()) {
            ObjectNode i = images.addObject();
            i.put("reference", image.reference());
            i.put("digest", image.digest());
            i.put("action", image.pushed() ? "pushed" : "built");
        }
        ArrayNode tail = step.putArray("outputTail");
        s.outputTail().forEach(tail::add);
        return step;
    }

    /** Writes the run report to a file. */
    static void writeRunReport(RunResult result, SecretMasker masker, Path file) throws IOException {
        createParent(file);
        prettyJson().writeValue(file.toFile(), masked(runReport(result), masker));
    }

    /**
     * Masks every string in a JSON tree, in place (iteratively: reports can be as deep as the user
     * makes them), so that no secret reaches a report or an event line.
     */
    static <T extends JsonNode> T masked(T root, SecretMasker masker) {
        if (masker.isEmpty()) {
            return root;
        }
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node instanceof ObjectNode o) {
                for (java.util.Map.Entry<String, JsonNode> e : o.properties()) {
                    if (e.getValue().isTextual()) {
                        e.setValue(o.textNode(masker.mask(e.getValue().textValue())));
                    } else {
                        todo.push(e.getValue());
                    }
                }
            } else if (node instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i).isTextual()) {
                        a.set(i, a.textNode(masker.mask(a.get(i).textValue())));
                    } else {
                        todo.push(a.get(i));
                    }
                }
            }
        }
        return root;
    }

    /** The reference's dependency report: a compact JSON array. */
    static String dependenciesJson(List<ImageDependency> dependencies) {
        try {
            return JSON.writeValueAsString(dependencies(dependencies));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode dependencies(List<ImageDependency> dependencies) {
        ArrayNode array = JSON.createArrayNode();
        for (ImageDependency d : dependencies) {
            ObjectNode entry = array.addObject();
            entry.set("image", imageName(d.image()));
            entry.set("runtime-dependency", imageName(d.runtimeDependency()));
            if (d.buildtimeDependencies().isEmpty()) {
                entry.putNull("buildtime-dependency");
            } else {
                ArrayNode build = entry.putArray("buildtime-dependency");
                d.buildtimeDependencies().forEach(n -> build.add(imageName(n)));
            }
        }
        return array;
    }

    private static ObjectNode imageName(ImageDependency.ImageName name) {
        ObjectNode n = JSON.createObjectNode();
        if (name == null) {
            return n;
        }
        n.put("registry", name.registry());
        n.put("repository", name.repository());
        if (!name.tag().isEmpty()) {
            n.put("tag", name.tag());
        }
        n.put("digest", name.digest());
        n.put("reference", name.reference());
        return n;
    }

    /**
     * Writes the JUnit XML report: one test suite for the run, one test case per step; failed and
     * timed-out steps carry a failure with the step's last output lines, skipped ones a skip mark.
     */
    static void writeJunit(RunResult result, String suiteName, SecretMasker masker, Path file) throws IOException {
        createParent(file);
        long failures = result.steps().stream().filter(s -> !s.isSuccessful() && s.startedAt().isPresent()).count();
        long skipped = result.steps().stream().filter(s -> s.startedAt().isEmpty()).count();
        try (OutputStream os = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(os, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", xmlText(masker.mask(suiteName)));
            xml.writeAttribute("tests", Integer.toString(result.steps().size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", seconds(result.duration()));
            xml.writeAttribute("timestamp", result.startedAt().toString());
            xml.writeCharacters("\n");
            for (StepResult s : result.steps()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", xmlText(masker.mask(suiteName)));
                xml.writeAttribute("name", xmlText(masker.mask(s.id())));
                xml.writeAttribute("time", seconds(s.duration()));
                if (s.startedAt().isEmpty()) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", "not run: " + lower(s.status().name()));
                } else if (!s.isSuccessful()) {
                    xml.writeStartElement("failure");
                    String message = s.failure().map(f -> f.message()).orElse(lower(s.status().name()));
                    xml.writeAttribute("message", xmlText(masker.mask(message)));
                    xml.writeAttribute("type", lower(s.status().name()));
                    xml.writeCData(cdata(masker.maskAll(s.outputTail())));
                    xml.writeEndElement();
                }
                if (!s.outputTail().isEmpty() && s.isSuccessful()) {
                    xml.writeStartElement("system-out");
                    xml.writeCData(cdata(masker.maskAll(s.outputTail())));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit report " + file + ": " + e.getMessage(), e);
        }
    }

    /** Output lines as CDATA content: no terminal escapes, only XML 1.0 characters, no early {@code ]]>}. */
    private static String cdata(List<String> lines) {
        return xmlText(String.join("\n", lines)).replace("]]>", "]]]]><![CDATA[>");
    }

    /**
     * Makes container output fit for XML 1.0: drops ANSI escape sequences (colours, cursor moves)
     * and replaces the other characters XML cannot hold (C0 controls but tab and line breaks,
     * unpaired surrogates, U+FFFE/U+FFFF) with U+FFFD.
     */
    static String xmlText(String text) {
        String plain = ANSI_ESCAPE.matcher(text).replaceAll("");
        StringBuilder b = null;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < plain.length() && Character.isLowSurrogate(plain.charAt(i + 1));
                if (ok) {
                    if (b != null) {
                        b.append(c).append(plain.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(plain.length()).append(plain, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? plain : b.toString();
    }

    private static final java.util.regex.Pattern ANSI_ESCAPE =
            java.util.regex.Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007\u001b]*(\u0007|\u001b\\\\)|[@-_])");

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static ObjectMapper prettyJson() {
        return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
