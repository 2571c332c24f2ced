package org.outreachdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;

import org.apache.poi.poifs.crypt.CipherAlgorithm;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Excel's standard password protection for a workbook sent by e-mail: POI's agile encryption (the format of
 * Excel 2010 and later) with AES-256 and SHA-512, which Excel and LibreOffice open after asking for the
 * password. The plain workbook exists only in memory; POI's encrypting stream may buffer encrypted chunks
 * in a temporary file, never plain content.
 */
public final class WorkbookEncryption {

    /** Shortest password accepted for a workbook that leaves the laptop. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private WorkbookEncryption() {
    }

    /** The encrypted file for the plain {@code .xlsx} bytes. */
    public static byte[] encrypt(byte[] plainXlsx, char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the file password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile, CipherAlgorithm.aes256,
                    HashAlgorithm.sha512, -1, -1, null);
            Encryptor enc = info.getEncryptor();
            // POI takes the password as a String; it lives only as long as this call
            enc.confirmPassword(new String(password));
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plainXlsx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(plainXlsx.length + 16 * 1024);
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the workbook could not be encrypted", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the workbook could not be encrypted", e);
        }
    }
}
