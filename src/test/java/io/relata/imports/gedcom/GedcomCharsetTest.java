package io.relata.imports.gedcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GedcomCharsetTest {

    private static String name(ReadRecords read, String xref) {
        return read.record(xref).firstValue("NAME");
    }

    private static byte[] header(String charValue) {
        return ("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR " + charValue + "\n0 @I1@ INDI\n1 NAME ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void ibmPcFileIsCodePage437() throws IOException {
        byte[] file = Bytes.of().text("0 HEAD\r\n1 CHAR IBMPC\r\n0 @I1@ INDI\r\n1 NAME J").bytes(0x81)
                .text("rgen /M").bytes(0x94).text("ller/\r\n0 @I2@ INDI\r\n1 NAME ").bytes(0xE1)
                .text("e /G").bytes(0x84).text("rtner/\r\n0 TRLR\r\n").toArray();

        ReadRecords read = ReadRecords.of(file);

        assertThat(name(read, "I1")).isEqualTo("Jürgen /Möller/");
        assertThat(name(read, "I2")).isEqualTo("ße /Gärtner/");
    }

    @Test
    void ibmPcWithASpaceAndCp437NameTheSameCodePage() throws IOException {
        assertThat(name(ReadRecords.of(concat(header("IBM PC"), new byte[] {(byte) 0x81})), "I1")).isEqualTo("ü");
        assertThat(name(ReadRecords.of(concat(header("CP437"), new byte[] {(byte) 0x94})), "I1")).isEqualTo("ö");
    }

    @Test
    void ansiAndWindowsAreCodePage1252() throws IOException {
        byte[] name = {'R', 'e', 'n', (byte) 0xE9, 'e', ' ', (byte) 0x80};

        assertThat(name(ReadRecords.of(concat(header("ANSI"), name)), "I1")).isEqualTo("Renée €");
        assertThat(name(ReadRecords.of(concat(header("WINDOWS"), name)), "I1")).isEqualTo("Renée €");
        assertThat(name(ReadRecords.of(concat(header("CP1252"), name)), "I1")).isEqualTo("Renée €");
    }

    @Test
    void ansiWithACodePageNumberIsThatWindowsCodePage() throws IOException {
        byte[] name = {(byte) 0xA3, 'u', 'k', 'a', 's', 'z'};

        assertThat(name(ReadRecords.of(concat(header("ANSI 1250"), name)), "I1")).isEqualTo("Łukasz");
    }

    @Test
    void utf8ByteOrderMarkIsDroppedAndDoesNotShiftLines() throws IOException {
        byte[] file = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "0 HEAD\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME Zoë /Ångström/\n".getBytes(StandardCharsets.UTF_8));

        ReadRecords read = ReadRecords.of(file);

        assertThat(read.starts()).containsExactly("1 HEAD", "3 INDI");
        assertThat(name(read, "I1")).isEqualTo("Zoë /Ångström/");
    }

    @Test
    void utf16LittleEndianIsReadByItsByteOrderMark() throws IOException {
        byte[] file = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "0 HEAD\r\n1 CHAR UNICODE\r\n0 @I1@ INDI\r\n1 NAME Zoë /Ångström/\r\n0 @I2@ INDI\r\n1 NAME 李 /小龙/\r\n"
                        .getBytes(StandardCharsets.UTF_16LE));

        ReadRecords read = ReadRecords.of(file);

        assertThat(read.starts()).containsExactly("1 HEAD", "3 INDI", "5 INDI");
        assertThat(name(read, "I1")).isEqualTo("Zoë /Ångström/");
        assertThat(name(read, "I2")).isEqualTo("李 /小龙/");
    }

    @Test
    void utf16WithoutByteOrderMarkIsReadByTheZeroBytesOfItsFirstLine() throws IOException {
        String text = "0 HEAD\n1 CHAR UNICODE\n0 @I1@ INDI\n1 NAME Ōtani /Shōhei/\n";

        assertThat(name(ReadRecords.of(text.getBytes(StandardCharsets.UTF_16LE)), "I1")).isEqualTo("Ōtani /Shōhei/");
        assertThat(name(ReadRecords.of(text.getBytes(StandardCharsets.UTF_16BE)), "I1")).isEqualTo("Ōtani /Shōhei/");
    }

    @Test
    void utf16BigEndianLineEndsAreFoundInTwoByteUnits() throws IOException {
        // U+0A0D has a CR as its low byte and U+0D0A is CR LF as bytes: neither may end a line
        String text = "0 HEAD\r0 @I1@ INDI\r1 NAME \u0A0D\u0D0A\r0 TRLR\r";
        byte[] file = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));

        ReadRecords read = ReadRecords.of(file);

        assertThat(read.starts()).containsExactly("1 HEAD", "2 INDI", "4 TRLR");
        assertThat(name(read, "I1")).isEqualTo("\u0A0D\u0D0A");
    }

    @Test
    void withoutCharLineEachLineIsUtf8WhereItDecodesAsUtf8ElseCp1252() throws IOException {
        byte[] file = concat("0 HEAD\n0 @I1@ INDI\n1 NAME Zoë\n0 @I2@ INDI\n1 NAME Zo".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xEB, '\n'});

        ReadRecords read = ReadRecords.of(file);

        assertThat(name(read, "I1")).isEqualTo("Zoë");
        assertThat(name(read, "I2")).isEqualTo("Zoë");
    }

    @Test
    void undecodableUtf8ByteIsReplacedAndTheRecordKept() throws IOException {
        ReadRecords read = ReadRecords.of(concat(header("UTF-8"), new byte[] {'Z', 'o', (byte) 0xFF}));

        assertThat(name(read, "I1")).isEqualTo("Zo\uFFFD");
        assertThat(read.broken).isEmpty();
    }

    @Test
    void gedcom7IsUtf8WhateverItsHeaderSays() throws IOException {
        byte[] file = ("0 HEAD\n1 GEDC\n2 VERS 7.0\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME Zoë\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(name(ReadRecords.of(file), "I1")).isEqualTo("Zoë");
    }

    @Test
    void charLineIsReadFromTheHeaderWhereverItStandsInIt() throws IOException {
        StringBuilder header = new StringBuilder("0 HEAD\r1 NOTE A long header\r");
        header.append("2 CONT more\r".repeat(500));
        byte[] file = Bytes.of().text(header + "1 CHAR ANSEL\r0 @I1@ INDI\r1 NAME Ren").bytes(0xE2)
                .text("ee\r").toArray();

        assertThat(name(ReadRecords.of(file), "I1")).isEqualTo("Renée");
    }
}
