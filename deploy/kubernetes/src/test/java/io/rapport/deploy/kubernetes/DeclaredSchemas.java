package io.rapport.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strict JSON schemas of custom resources read back from TypeScript declarations vendored in
 * src/test/resources/schemas (see the README in each folder): the declarations the npm packages
 * {@code @kubernetes-models/*} generate from a project's CRDs, one file per kind with its whole type inline. Used
 * for the CRDs no Maven artifact carries: CloudNativePG's and the Prometheus Operator's.
 *
 * <p>Only the subset of TypeScript those generated declarations use is understood: object literal types with
 * optional ({@code ?:}) and required members and index signatures, {@code Array<T>}, unions, string literals,
 * {@code string}, {@code number}, {@code boolean} and a reference to {@code IObjectMeta}. Anything else is an error,
 * so a newer package that uses more shows up at once.
 */
final class DeclaredSchemas {

    static final DeclaredSchemas CLOUDNATIVE_PG = new DeclaredSchemas("postgresql.cnpg.io", "cloudnative-pg",
            Map.of("Cluster", "Cluster.d.ts", "Database", "Database.d.ts", "ScheduledBackup", "ScheduledBackup.d.ts"));
    static final DeclaredSchemas PROMETHEUS_OPERATOR = new DeclaredSchemas("monitoring.coreos.com",
            "prometheus-operator", Map.of("PodMonitor", "PodMonitor.d.ts", "PrometheusRule", "PrometheusRule.d.ts"));
    static final List<DeclaredSchemas> ALL = List.of(CLOUDNATIVE_PG, PROMETHEUS_OPERATOR);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String group;
    private final String folder;
    private final Map<String, String> files;

    private DeclaredSchemas(String group, String folder, Map<String, String> files) {
        this.group = group;
        this.folder = folder;
        this.files = files;
    }

    /** Whether these declarations hold the kind (all of them are version v1). */
    boolean covers(String group, String version, String kind) {
        return this.group.equals(group) && version.equals("v1") && files.containsKey(kind);
    }

    /**
     * The strict schema of a kind. {@code objectMetaRef} is the schema to use where the declarations refer to
     * {@code IObjectMeta} (the Kubernetes ObjectMeta).
     */
    ObjectNode schema(String kind, ObjectNode objectMetaRef) {
        String source = read("schemas/" + folder + "/" + files.get(kind));
        Matcher start = Pattern.compile("export interface I" + kind + "\\s*\\{").matcher(source);
        if (!start.find()) {
            throw new IllegalStateException("no interface I" + kind + " in " + files.get(kind));
        }
        int end = source.indexOf("\nexport ", start.end());
        String body = source.substring(start.end() - 1, end < 0 ? source.length() : end);
        Parser parser = new Parser(tokenize(body), objectMetaRef);
        return parser.objectType();
    }

    private static String read(String resource) {
        try (InputStream in = DeclaredSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|/\\*.*?\\*/|//[^\\n]*|(\"(?:[^\"\\\\]|\\\\.)*\")|([A-Za-z_$][A-Za-z0-9_$]*)|(-?\\d+(?:\\.\\d+)?)|(\\?:|[{}\\[\\]<>;:|,()])",
            Pattern.DOTALL);

    static List<String> tokenize(String source) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalStateException("cannot read the declarations at: "
                        + source.substring(at, Math.min(source.length(), at + 60)));
            }
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null) {
                    tokens.add(m.group(g));
                }
            }
            at = m.end();
        }
        return tokens;
    }

    private static final class Parser {
        private final List<String> tokens;
        private final ObjectNode objectMetaRef;
        private int pos;

        Parser(List<String> tokens, ObjectNode objectMetaRef) {
            this.tokens = tokens;
            this.objectMetaRef = objectMetaRef;
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : "<end>";
        }

        private String next() {
            return tokens.get(pos++);
        }

        private void expect(String token) {
            String got = next();
            if (!got.equals(token)) {
                throw new IllegalStateException("expected " + token + " but found " + got + " at token " + (pos - 1));
            }
        }

        /** { members } */
        ObjectNode objectType() {
            expect("{");
            ObjectNode properties = JSON.objectNode();
            ArrayNode required = JSON.arrayNode();
            ObjectNode indexValue = null;
            while (!peek().equals("}")) {
                if (peek().equals("[")) { // [key: string]: T
                    expect("[");
                    next();
                    expect(":");
                    expect("string");
                    expect("]");
                    expect(":");
                    indexValue = type();
                } else {
                    String name = unquote(next());
                    boolean optional = peek().equals("?:");
                    next(); // ?: or :
                    properties.set(name, type());
                    if (!optional) {
                        required.add(name);
                    }
                }
                if (peek().equals(";") || peek().equals(",")) {
                    next();
                }
            }
            expect("}");
            ObjectNode schema = JSON.objectNode().put("type", "object");
            if (properties.isEmpty() && indexValue == null) {
                // `{}`: an object the declarations say nothing about (e.g. embedded metadata): anything goes.
                return schema;
            }
            if (!properties.isEmpty()) {
                schema.set("properties", properties);
            }
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            if (indexValue != null) {
                schema.set("additionalProperties", indexValue);
            } else {
                schema.put("additionalProperties", false);
            }
            return schema;
        }

        /** A union of primaries. */
        ObjectNode type() {
            List<ObjectNode> alternatives = new ArrayList<>();
            alternatives.add(primary());
            while (peek().equals("|")) {
                next();
                alternatives.add(primary());
            }
            if (alternatives.size() == 1) {
                return alternatives.get(0);
            }
            if (alternatives.stream().allMatch(a -> a.has("const"))) {
                ArrayNode values = JSON.arrayNode();
                alternatives.forEach(a -> values.add(a.get("const")));
                return (ObjectNode) JSON.objectNode().set("enum", values);
            }
            if (alternatives.stream().allMatch(a -> a.size() == 1 && a.has("type") && a.get("type").isTextual())) {
                ArrayNode types = JSON.arrayNode();
                alternatives.forEach(a -> types.add(a.get("type")));
                return (ObjectNode) JSON.objectNode().set("type", types);
            }
            ArrayNode anyOf = JSON.arrayNode();
            alternatives.forEach(anyOf::add);
            return (ObjectNode) JSON.objectNode().set("anyOf", anyOf);
        }

        ObjectNode primary() {
            String token = peek();
            ObjectNode schema;
            if (token.equals("{")) {
                schema = objectType();
            } else if (token.equals("(")) {
                next();
                schema = type();
                expect(")");
            } else if (token.startsWith("\"")) {
                next();
                schema = (ObjectNode) JSON.objectNode().set("const", JSON.textNode(unquote(token)));
            } else {
                next();
                switch (token) {
                    case "string" -> schema = JSON.objectNode().put("type", "string");
                    case "number" -> schema = JSON.objectNode().put("type", "number");
                    case "boolean" -> schema = JSON.objectNode().put("type", "boolean");
                    case "IObjectMeta" -> schema = objectMetaRef.deepCopy();
                    case "Array" -> {
                        expect("<");
                        ObjectNode items = type();
                        expect(">");
                        schema = JSON.objectNode().put("type", "array");
                        schema.set("items", items);
                    }
                    default -> throw new IllegalStateException("unsupported type " + token + " at token " + (pos - 1));
                }
            }
            while (peek().equals("[") && pos + 1 < tokens.size() && tokens.get(pos + 1).equals("]")) {
                next();
                next();
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", schema);
                schema = array;
            }
            return schema;
        }

        private static String unquote(String token) {
            return token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
        }
    }
}
