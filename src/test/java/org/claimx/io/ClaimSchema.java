package org.claimx.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The claim JSON Schema that ships in the jar, for tests to validate output against. */
public final class ClaimSchema {
    private static final JsonSchema SCHEMA = load();

    private ClaimSchema() {}

    private static JsonSchema load() {
        try (InputStream in = ClaimSchema.class.getResourceAsStream("/claim.schema.json")) {
            if (in == null) throw new IllegalStateException("claim.schema.json is not on the class path");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with each line of JSON Lines output (line number: message); empty when all is well. */
    public static List<String> problems(String jsonl) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String line : jsonl.split("\n")) {
            n++;
            if (line.isBlank()) continue;
            JsonNode claim = Json.mapper().readTree(line);
            Set<ValidationMessage> msgs = SCHEMA.validate(claim);
            for (ValidationMessage m : msgs) out.add(n + ": " + m.getMessage());
        }
        return out;
    }
}
