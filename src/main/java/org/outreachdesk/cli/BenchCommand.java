package org.outreachdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.outreachdesk.app.bench.BenchResult;
import org.outreachdesk.app.bench.BenchSize;
import org.outreachdesk.app.bench.Benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: the speed targets, measured on vaults the benchmark builds in a temporary folder. */
@Command(name = "bench", description = {"Measure the speed targets on generated vaults (see docs/benchmarks.md).",
    "small: 5,000 contacts; large: 50,000 contacts, 1,000,000 encounters, 5 years, 40 sites (slow to build)."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "small", paramLabel = "small|large", description = "Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for the benchmark's vaults, kept afterwards; a vault already there is measured again without generating it anew (default: a new temporary folder, removed afterwards).")
    Path work;

    @Override
    public Integer call() throws Exception {
        BenchSize s = switch (size.toLowerCase(Locale.ROOT)) {
            case "small" -> BenchSize.SMALL;
            case "large" -> BenchSize.LARGE;
            default -> throw new UsageException("--size must be small or large");
        };
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("outreach-desk-bench");
        try {
            BenchResult r = new Benchmark(Clock.systemDefaultZone(), m -> CliContext.tell(root.err(), "bench: " + m))
                    .run(s, dir);
            spec.commandLine().getOut().print(r.toTable());
            spec.commandLine().getOut().flush();
            if (json != null) {
                Files.writeString(json, r.toJson(), StandardCharsets.UTF_8);
            }
        } finally {
            if (work == null) {
                deleteTree(dir);
            }
        }
        return ExitCode.OK;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
