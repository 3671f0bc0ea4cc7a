package io.github.matrixcors.matrix;

import io.github.matrixcors.testing.RecordedRequest;
import io.github.matrixcors.testing.ScriptedResponse;
import java.util.function.Function;

/** Responses with the CORS headers Synapse sends, for scripting a homeserver that gets everything right. */
final class SynapseLikeResponses {

    static final String VALID_TOKEN = "syt_valid_token";

    private SynapseLikeResponses() {}

    /** Returns Synapse's response to any OPTIONS request: 204 with its CORS headers. */
    static ScriptedResponse preflight() {
        return withCors(ScriptedResponse.status(204));
    }

    /** Returns a JSON response with Synapse's CORS headers. */
    static ScriptedResponse json(int status, String body) {
        return withCors(ScriptedResponse.status(status)).json(body);
    }

    /** Adds Synapse's CORS headers to {@code response}. */
    static ScriptedResponse withCors(ScriptedResponse response) {
        return response.header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS")
                .header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type, Authorization, Date")
                .header("Access-Control-Expose-Headers", "Synapse-Trace-Id, Server");
    }

    /**
     * Returns a handler that responds like Synapse: 204 to OPTIONS, 401 {@code M_UNKNOWN_TOKEN} to a request with a token
     * other than {@link #VALID_TOKEN}, otherwise 200 with an empty JSON object; all with CORS headers.
     */
    static Function<RecordedRequest, ScriptedResponse> homeserver() {
        return request -> {
            if (request.method().equals("OPTIONS")) {
                return preflight();
            }
            String authorization = request.header("Authorization");
            if (authorization != null && !authorization.equals("Bearer " + VALID_TOKEN)) {
                return json(401, "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"Invalid access token\"}");
            }
            return json(200, "{}");
        };
    }
}
