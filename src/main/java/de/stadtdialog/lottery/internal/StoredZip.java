package de.stadtdialog.lottery.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The audit bundle's ZIP form, written byte by byte so that the same entries always give the same file: entries
 * in the given order, stored (no compression), time 00:00 on 1 January 1980 (the earliest DOS time), no extra
 * fields, no comments, no attributes, version 1.0, no flags. Any ZIP tool opens it.
 */
public final class StoredZip {

    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = (1 << 5) | 1;

    private StoredZip() {
    }

    public static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            int32(out, 0x04034b50);
            int16(out, 10);
            int16(out, 0);
            int16(out, 0);
            int16(out, DOS_TIME);
            int16(out, DOS_DATE);
            int32(out, (int) crc.getValue());
            int32(out, data.length);
            int32(out, data.length);
            int16(out, name.length);
            int16(out, 0);
            out.writeBytes(name);
            out.writeBytes(data);

            int32(directory, 0x02014b50);
            int16(directory, 10);
            int16(directory, 10);
            int16(directory, 0);
            int16(directory, 0);
            int16(directory, DOS_TIME);
            int16(directory, DOS_DATE);
            int32(directory, (int) crc.getValue());
            int32(directory, data.length);
            int32(directory, data.length);
            int16(directory, name.length);
            int16(directory, 0);
            int16(directory, 0);
            int16(directory, 0);
            int16(directory, 0);
            int32(directory, 0);
            int32(directory, offset);
            directory.writeBytes(name);
        }
        int directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size());
        int16(out, entries.size());
        int32(out, directory.size());
        int32(out, directoryOffset);
        int16(out, 0);
        return out.toByteArray();
    }

    /**
     * The entries in file order; a ZIP that cannot be read, has an entry twice or a wrong checksum fails with a
     * German message.
     */
    public static Map<String, byte[]> read(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (entries.put(entry.getName(), data) != null) {
                    throw new IOException("Der Eintrag " + entry.getName() + " kommt doppelt vor.");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new IOException("Das Archiv enthält keine Einträge.");
        }
        return entries;
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        int16(out, value & 0xFFFF);
        int16(out, (value >>> 16) & 0xFFFF);
    }
}
