package org.outreachdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No class in the main sources is named inline by its full name ({@code java.util.List}, {@code org.jooq.DSLContext}
 * in the code): imports show a file's dependencies to readers and tools. The one exception is where two classes of
 * one simple name meet in one file: the imported one (or the file's own or its package's) keeps the simple name, the
 * other is written in full.
 */
class NoInlineQualifiedNamesTest {

    static final Path MAIN = Path.of("src", "main", "java");
    static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.@])((?:java|javax|javafx|org|com|picocli|net|io|jdk)(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z][A-Za-z0-9_]*)");
    static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?;", Pattern.MULTILINE);
    static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|enum|interface)\\s+([A-Z]\\w*)");

    @Test
    void mainCodeImportsWhatItUses() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(inlineNames(f, Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(found).as("inline fully-qualified names (import them)").isEmpty();
    }

    @Test
    void theCheckFindsAnInlineNameAndAllowsOnlyAClash() {
        String inline = "package a.b;\nimport java.util.Map;\nclass X {\n  java.util.List<String> l; // java.util.Set\n"
                + "  String s = \"java.util.Optional\";\n  java.util.Map<String, String> m;\n}\n";
        assertThat(inlineNames(Path.of("X.java"), inline))
                .containsExactly("X.java:4 java.util.List", "X.java:6 java.util.Map");
        String clash = "package a.b;\nimport java.util.List;\nclass X {\n  List<String> l;\n  java.awt.List awt;\n}\n";
        assertThat(inlineNames(Path.of("X.java"), clash)).isEmpty();
    }

    /** The inline names of {@code source} that are not a clash of two classes of one simple name. */
    static List<String> inlineNames(Path file, String source) {
        String code = blankCommentsAndStrings(source);
        Map<String, String> imported = new HashMap<>();
        int headerEnd = 0;
        Matcher im = IMPORT.matcher(code);
        while (im.find()) {
            headerEnd = im.end();
            if (im.group(1) == null && im.group(3) == null) {
                String name = im.group(2);
                imported.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        Set<String> local = new HashSet<>();
        Matcher d = DECLARED.matcher(code);
        while (d.find()) {
            local.add(d.group(1));
        }
        local.addAll(samePackage(file));
        Map<String, Set<String>> bySimple = new HashMap<>();
        List<String[]> hits = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code);
        m.region(headerEnd, code.length());
        while (m.find()) {
            String full = m.group(1) + "." + m.group(2);
            bySimple.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(full);
            hits.add(new String[] {m.group(2), full, Integer.toString(line(code, m.start()))});
        }
        List<String> out = new ArrayList<>();
        for (String[] h : hits) {
            String simple = h[0];
            String full = h[1];
            boolean clash = bySimple.get(simple).size() > 1 || local.contains(simple)
                    || (imported.containsKey(simple) && !imported.get(simple).equals(full));
            if (!clash) {
                out.add(file.getFileName() + ":" + h[2] + " " + full);
            }
        }
        return out;
    }

    private static Set<String> samePackage(Path file) {
        Set<String> out = new HashSet<>();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .forEach(n -> out.add(n.substring(0, n.length() - 5)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int line(String s, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The source with comments, strings and character literals blanked (line breaks kept). */
    static String blankCommentsAndStrings(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char q = s.charAt(i);
                end = i + 1;
                while (end < n && s.charAt(end) != q) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (b.charAt(j) != '\n') {
                    b.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return b.toString();
    }
}
