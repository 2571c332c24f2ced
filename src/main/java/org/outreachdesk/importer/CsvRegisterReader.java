package org.outreachdesk.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV register with Apache Commons CSV: UTF-8 with or without a byte-order mark, comma-separated,
 * quotes as RFC 4180 (a quoted cell may hold commas and line breaks), lines ending in CRLF or LF.
 *
 * <p>Empty lines are kept as (blank) records, so that record numbers are the row numbers a spreadsheet
 * shows when it opens the file. Text that is not UTF-8 is refused rather than guessed at.
 */
final class CsvRegisterReader implements RegisterReader {

    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();

    @Override
    public void read(Path file, RowHandler handler) {
        try {
            parse(file, handler);
        } catch (RegisterFileException e) {
            if (causedBy(e, CharacterCodingException.class)) {
                // decoding runs ahead of parsing: find the line of the first byte that is not UTF-8
                long line = firstLineNotUtf8(file);
                throw new RegisterFileException("import.file.notUtf8Line", "the file is not UTF-8 text (line " + line
                        + "); save it from Excel as \"CSV UTF-8\": other encodings lose Khmer text", e, line);
            }
            throw e;
        }
    }

    private void parse(Path file, RowHandler handler) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVParser parser = null;
        try (Reader in = withoutBom(new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), 1 << 16))) {
            parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
            for (CSVRecord rec : parser) {
                handler.row(Math.toIntExact(rec.getRecordNumber()), rec.toList());
            }
        } catch (NoSuchFileException e) {
            throw new RegisterFileException("import.file.missing", "the file does not exist", e);
        } catch (UncheckedIOException e) {
            throw failure(e.getCause(), parser);
        } catch (IOException e) {
            throw failure(e, parser);
        }
    }

    private static RegisterFileException failure(IOException e, CSVParser parser) {
        long line = parser == null ? 0 : Math.max(1, parser.getCurrentLineNumber());
        String where = parser == null ? "" : " near line " + line;
        if (causedBy(e, CharacterCodingException.class)) {
            return new RegisterFileException("import.file.notUtf8", "the file is not UTF-8 text", e);
        }
        if (e instanceof NoSuchFileException) {
            return new RegisterFileException("import.file.missing", "the file does not exist", e);
        }
        if (parser != null) {
            // Commons CSV's own messages may quote the text it choked on: say where, not what
            return new RegisterFileException("import.file.notCsv", "the file is not valid CSV" + where
                    + " (a quoted cell is not closed, or text follows a closing quote)", e, line);
        }
        return new RegisterFileException("import.file.unreadable", "the file cannot be read", e);
    }

    /** The 1-based line on which the first byte sequence that is not UTF-8 lies. */
    static long firstLineNotUtf8(Path file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (ReadableByteChannel ch = Files.newByteChannel(file)) {
            boolean eof = false;
            while (!eof) {
                eof = ch.read(in) < 0;
                in.flip();
                CoderResult r = utf8.decode(in, out, eof);
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        line++;
                    }
                }
                out.clear();
                if (r.isError()) {
                    return line;
                }
                in.compact();
            }
        } catch (IOException e) {
            return line;
        }
        return line;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Skips a leading byte-order mark, which Excel writes at the start of "CSV UTF-8" files. */
    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int first = r.read();
        if (first != -1 && first != BOM) {
            r.unread(first);
        }
        return r;
    }
}
