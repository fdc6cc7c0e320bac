package io.domainbridge.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A synchronous call to the source domain's service, as a consumer without a replica makes it: {@code GET
 * /packages/{id}} with the JDK's HTTP client (HTTP/1.1, one kept-alive connection per client), body parsed from
 * JSON.
 */
final class HttpLookup implements PackageLookup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final String baseUrl;

    HttpLookup(URI service) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
        this.baseUrl = service.toString() + "packages/";
    }

    @Override
    public PackageView find(long id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + id))
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for package " + id);
        }
        return JSON.readValue(response.body(), PackageView.class);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before JDK 21; its idle connection ends with the client.
    }
}
