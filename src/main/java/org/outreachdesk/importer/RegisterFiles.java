package org.outreachdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.outreachdesk.domain.ImportProblemCode;

/**
 * Reading a register file ({@code .csv} or {@code .xlsx}, DOMAIN.md "Register import"): rows are streamed
 * from the file, checked one by one and kept only as compact {@link RegisterRow}s.
 */
public final class RegisterFiles {

    private RegisterFiles() {
    }

    /** Whether the file's name says it is a register this program reads. */
    public static boolean isRegisterName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".xlsx");
    }

    /**
     * Reads and checks a register.
     *
     * @param today visits after this day are problems
     * @throws RegisterFileException when the file cannot be read as a register at all
     */
    public static ParsedRegister read(Path file, LocalDate today) {
        RegisterReader reader = RegisterReader.forFile(file);
        String sha = sha256(file);
        Problems problems = new Problems();
        RowValidator validator = new RowValidator(today, problems);
        List<RegisterRow> rows = new ArrayList<>();
        int[] counts = new int[3]; // data rows, blank rows counted, blank rows pending
        reader.read(file, (number, cells) -> {
            if (RowValidator.isBlank(cells)) {
                if (validator.hasHeader()) {
                    counts[2]++;
                }
                return;
            }
            if (!validator.hasHeader()) {
                validator.header(number, cells);
                return;
            }
            counts[1] += counts[2];
            counts[2] = 0;
            counts[0]++;
            RegisterRow row = validator.row(number, cells);
            if (row != null) {
                rows.add(row);
            }
        });
        if (!validator.hasHeader()) {
            problems.add(1, "file", ImportProblemCode.FILE_EMPTY,
                    "the file is empty", "a header row, then one row per visit",
                    Problems.what(ImportProblemCode.FILE_EMPTY), Problems.expects("fileEmpty"));
        } else if (counts[0] == 0) {
            problems.add(validator.headerRow() + 1, "file", ImportProblemCode.NO_ROWS,
                    "there are no rows under the header",
                    "one row per visit under the header row",
                    Problems.what(ImportProblemCode.NO_ROWS), Problems.expects("noRows"));
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return new ParsedRegister(name, sha, rows, problems, counts[0], counts[1]);
    }

    /**
     * Hex SHA-256 of a file's bytes, read in a stream.
     *
     * @throws RegisterFileException when the file cannot be read
     */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) != -1) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchFileException e) {
            throw new RegisterFileException("import.file.missing", "the file does not exist", e);
        } catch (IOException e) {
            throw new RegisterFileException("import.file.unreadable", "the file cannot be read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
