package org.claimx.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import org.claimx.io.Json;

/**
 * A reply: status, content type and body; {@code close} ends the connection after it; {@code allow}
 * the methods a 405 names (else null).
 */
record Response(int status, String contentType, byte[] body, boolean close, String allow) {
    static final String JSON = "application/json; charset=utf-8";

    static Response json(int status, JsonNode body) {
        try {
            return new Response(status, JSON, Json.mapper().writeValueAsBytes(body), false, null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"error": message}} with its status. */
    static Response error(int status, String message) {
        return json(status, Json.mapper().createObjectNode().put("error", message));
    }

    Response closing() {
        return close ? this : new Response(status, contentType, body, true, allow);
    }

    Response allowing(String methods) {
        return new Response(status, contentType, body, close, methods);
    }
}
