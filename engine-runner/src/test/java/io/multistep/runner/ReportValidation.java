package io.multistep.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** Checks reports against the run-report JSON Schema (main resources) and the JUnit XSD (test resources). */
final class ReportValidation {

    private static volatile JsonSchema runReportSchema;
    private static volatile Schema junitSchema;

    private ReportValidation() {}

    /** The problems of a run report; empty when it is valid. */
    static List<String> runReportProblems(JsonNode report) {
        Set<ValidationMessage> messages = runReportSchema().validate(report);
        return messages.stream().map(ValidationMessage::toString).sorted().toList();
    }

    /** Validates a JUnit XML file; throws with the parser's message when it is not valid. */
    static void validateJunit(Path file) throws SAXException, IOException {
        Validator validator = junitSchema().newValidator();
        validator.validate(new StreamSource(file.toFile()));
    }

    private static JsonSchema runReportSchema() {
        if (runReportSchema == null) {
            try (InputStream in = ReportValidation.class.getResourceAsStream("/schemas/run-report.schema.json")) {
                if (in == null) {
                    throw new IllegalStateException("schemas/run-report.schema.json is not on the class path");
                }
                runReportSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runReportSchema;
    }

    private static Schema junitSchema() {
        if (junitSchema == null) {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                junitSchema = factory.newSchema(ReportValidation.class.getResource("/junit.xsd"));
            } catch (SAXException e) {
                throw new IllegalStateException("junit.xsd is not a valid schema", e);
            }
        }
        return junitSchema;
    }
}
