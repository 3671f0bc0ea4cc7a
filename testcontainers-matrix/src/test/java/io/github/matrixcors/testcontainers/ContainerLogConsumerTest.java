package io.github.matrixcors.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class ContainerLogConsumerTest {

    @Test
    void refusedUpstreamLoggedAtDebug() {
        String nginx = "2026/12/04 22:14:30 [error] 7#7: *1 connect() failed (111: Connection refused) while connecting"
                + " to upstream, client: 172.31.0.1, server: _, request: \"GET /_matrix/client/versions HTTP/1.1\"";
        String apacheProxy = "[Fri Dec 04 22:14:30.915667 2026] [proxy:error] [pid 22:tid 24] (111)Connection refused:"
                + " AH00957: http: attempt to connect to 192.168.0.2:8008 (synapse:8008) failed";
        String apacheProxyHttp = "[Fri Dec 04 22:14:30.916528 2026] [proxy_http:error] [pid 22:tid 24]"
                + " [client 192.168.0.1:58664] AH01114: HTTP: failed to make connection to backend: synapse";
        String caddy = "{\"level\":\"error\",\"ts\":1796422479.6124692,\"logger\":\"http.log.error\","
                + "\"msg\":\"dial tcp 192.168.16.2:8008: connect: connection refused\",\"status\":502}";

        assertEquals(Level.DEBUG, ContainerLogConsumer.levelOf(nginx));
        assertEquals(Level.DEBUG, ContainerLogConsumer.levelOf(apacheProxy));
        assertEquals(Level.DEBUG, ContainerLogConsumer.levelOf(apacheProxyHttp));
        assertEquals(Level.DEBUG, ContainerLogConsumer.levelOf(caddy));
    }

    @Test
    void otherProxyErrorsStayErrors() {
        String nginx = "2026/12/04 22:14:30 [error] 7#7: *3 access forbidden by rule, client: 172.31.0.1";
        String apache = "[Fri Dec 04 22:14:30.9 2026] [authz_core:error] [pid 22:tid 24] [client 172.31.0.1:1]"
                + " AH01630: client denied by server configuration: proxy:http://synapse:8008/";
        String caddy = "{\"level\":\"error\",\"msg\":\"dial tcp: lookup synapse on 127.0.0.11:53: no such host\"}";
        String nginxEmerg = "2026/12/04 22:14:30 [emerg] 7#7: unknown directive \"proxy_passs\"";

        assertEquals(Level.ERROR, ContainerLogConsumer.levelOf(nginx));
        assertEquals(Level.ERROR, ContainerLogConsumer.levelOf(apache));
        assertEquals(Level.ERROR, ContainerLogConsumer.levelOf(caddy));
        assertEquals(Level.ERROR, ContainerLogConsumer.levelOf(nginxEmerg));
    }

    @Test
    void synapseLevelsFollowTheLine() {
        String warning = "2026-12-04 22:13:16,454 - synapse.http.site - 751 - WARNING - sentinel - forwarded request";
        String info = "2026-12-04 22:13:16,454 - synapse.app.homeserver - 100 - INFO - main - Synapse now listening";

        assertEquals(Level.WARN, ContainerLogConsumer.levelOf(warning));
        assertEquals(Level.DEBUG, ContainerLogConsumer.levelOf(info));
    }
}
