package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code submit --connect-url URL FILES…}: fills each {@code <PLACEHOLDER>} from the environment, validates every
 * compiled config with Connect's {@code PUT /connector-plugins/{class}/config/validate} and only when all pass puts
 * each with {@code PUT /connectors/{name}/config}. Values are never printed: only keys and Connect's messages.
 */
final class SubmitCommand {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Z][A-Z0-9_]*)>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Function<String, String> environment;

    SubmitCommand(PrintStream out, PrintStream err) {
        this(out, err, System::getenv);
    }

    SubmitCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(ContractsCli.Arguments a) throws IOException {
        ContractSet set = new ContractsCli(out, err).checked(a.files());
        if (set == null) {
            return ContractsCli.INVALID;
        }
        String url = a.option("--connect-url").replaceAll("/+$", "");
        List<Map<String, String>> configs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (CompiledConnector c : new ConnectorCompiler(set).compile()) {
            Map<String, String> config = filled(c, errors);
            config.put("name", c.name());
            configs.add(config);
        }
        if (errors.isEmpty()) {
            for (Map<String, String> config : configs) {
                validate(url, config, errors);
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> err.println("error: " + e));
            return ContractsCli.INVALID;
        }
        for (Map<String, String> config : configs) {
            String name = config.get("name");
            JsonNode response = send(url + "/connectors/" + encode(name) + "/config", config);
            out.println("submitted " + name + (response.has("error_code") ? ": " + response.path("message") : ""));
        }
        return ContractsCli.OK;
    }

    private Map<String, String> filled(CompiledConnector c, List<String> errors) {
        Map<String, String> config = new LinkedHashMap<>();
        c.config().forEach((key, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                String replacement = environment.apply(m.group(1));
                if (replacement == null) {
                    errors.add(c.name() + ": " + key + ": environment variable " + m.group(1) + " is not set");
                    replacement = "";
                }
                m.appendReplacement(filled, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(filled);
            config.put(key, filled.toString());
        });
        return config;
    }

    private void validate(String url, Map<String, String> config, List<String> errors) throws IOException {
        String plugin = encode(config.get("connector.class"));
        JsonNode result = send(url + "/connector-plugins/" + plugin + "/config/validate", config);
        if (result.has("error_code")) {
            errors.add(config.get("name") + ": Connect refused the validation: "
                    + result.path("message").asText());
            return;
        }
        for (JsonNode c : result.path("configs")) {
            for (JsonNode message : c.path("value").path("errors")) {
                errors.add(
                        config.get("name") + ": " + c.path("value").path("name").asText() + ": " + message.asText());
            }
        }
        out.println("validated " + config.get("name") + ": "
                + result.path("error_count").asInt() + " errors");
    }

    private JsonNode send(String uri, Map<String, String> body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling Connect", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
