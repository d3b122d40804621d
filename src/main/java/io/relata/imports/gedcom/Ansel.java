package io.relata.imports.gedcom;

import java.text.Normalizer;

/**
 * Decodes ANSEL (ANSI/NISO Z39.47, with the GEDCOM additions) to Unicode in NFC. ANSEL writes a combining diacritic
 * before the letter it sits on, Unicode after it, so marks are held until their letter comes.
 */
final class Ansel {

    private static final char UNMAPPED = '\uFFFD';
    /** 0x88/0x89 mark where sorting starts and ends, 0x8D/0x8E are joiner controls: none of them is text. */
    private static final char DROPPED = '\0';
    private static final char[] SPACING = new char[128];
    private static final char[] COMBINING = new char[128];

    static {
        java.util.Arrays.fill(SPACING, UNMAPPED);
        spacing(0x88, DROPPED);
        spacing(0x89, DROPPED);
        spacing(0x8D, DROPPED);
        spacing(0x8E, DROPPED);
        spacing(0xA1, '\u0141'); // Ł
        spacing(0xA2, '\u00D8'); // Ø
        spacing(0xA3, '\u0110'); // Đ
        spacing(0xA4, '\u00DE'); // Þ
        spacing(0xA5, '\u00C6'); // Æ
        spacing(0xA6, '\u0152'); // Œ
        spacing(0xA7, '\u02B9'); // ʹ soft sign, prime
        spacing(0xA8, '\u00B7'); // · middle dot
        spacing(0xA9, '\u266D'); // ♭
        spacing(0xAA, '\u00AE'); // ®
        spacing(0xAB, '\u00B1'); // ±
        spacing(0xAC, '\u01A0'); // Ơ
        spacing(0xAD, '\u01AF'); // Ư
        spacing(0xAE, '\u02BC'); // ʼ alif, left half ring
        spacing(0xB0, '\u02BB'); // ʻ ayn, right half ring
        spacing(0xB1, '\u0142'); // ł
        spacing(0xB2, '\u00F8'); // ø
        spacing(0xB3, '\u0111'); // đ
        spacing(0xB4, '\u00FE'); // þ
        spacing(0xB5, '\u00E6'); // æ
        spacing(0xB6, '\u0153'); // œ
        spacing(0xB7, '\u02BA'); // ʺ hard sign, double prime
        spacing(0xB8, '\u0131'); // ı
        spacing(0xB9, '\u00A3'); // £
        spacing(0xBA, '\u00F0'); // ð
        spacing(0xBC, '\u01A1'); // ơ
        spacing(0xBD, '\u01B0'); // ư
        spacing(0xBE, '\u25A1'); // □ GEDCOM: empty box
        spacing(0xBF, '\u25A0'); // ■ GEDCOM: black box
        spacing(0xC0, '\u00B0'); // °
        spacing(0xC1, '\u2113'); // ℓ
        spacing(0xC2, '\u2117'); // ℗
        spacing(0xC3, '\u00A9'); // ©
        spacing(0xC4, '\u266F'); // ♯
        spacing(0xC5, '\u00BF'); // ¿
        spacing(0xC6, '\u00A1'); // ¡
        spacing(0xC7, '\u00DF'); // ß
        spacing(0xC8, '\u20AC'); // €
        spacing(0xCD, 'e'); // GEDCOM: midline e
        spacing(0xCE, 'o'); // GEDCOM: midline o
        spacing(0xCF, '\u00DF'); // GEDCOM: es zet
        combining(0xE0, '\u0309'); // hook above
        combining(0xE1, '\u0300'); // grave
        combining(0xE2, '\u0301'); // acute
        combining(0xE3, '\u0302'); // circumflex
        combining(0xE4, '\u0303'); // tilde
        combining(0xE5, '\u0304'); // macron
        combining(0xE6, '\u0306'); // breve
        combining(0xE7, '\u0307'); // dot above
        combining(0xE8, '\u0308'); // umlaut, diaeresis
        combining(0xE9, '\u030C'); // caron, hacek
        combining(0xEA, '\u030A'); // ring above
        combining(0xEB, '\uFE20'); // ligature, left half
        combining(0xEC, '\uFE21'); // ligature, right half
        combining(0xED, '\u0315'); // high comma, off centre
        combining(0xEE, '\u030B'); // double acute
        combining(0xEF, '\u0310'); // candrabindu
        combining(0xF0, '\u0327'); // cedilla
        combining(0xF1, '\u0328'); // right hook, ogonek
        combining(0xF2, '\u0323'); // dot below
        combining(0xF3, '\u0324'); // double dot below
        combining(0xF4, '\u0325'); // ring below
        combining(0xF5, '\u0333'); // double underscore
        combining(0xF6, '\u0332'); // underscore
        combining(0xF7, '\u0326'); // left hook, comma below
        combining(0xF8, '\u031C'); // right cedilla
        combining(0xF9, '\u032E'); // upadhmaniya, breve below
        combining(0xFA, '\uFE22'); // double tilde, left half
        combining(0xFB, '\uFE23'); // double tilde, right half
        combining(0xFE, '\u0313'); // high comma, centred
    }

    private Ansel() {}

    private static void spacing(int code, char unicode) {
        SPACING[code - 0x80] = unicode;
    }

    private static void combining(int code, char unicode) {
        COMBINING[code - 0x80] = unicode;
    }

    /**
     * The text of one line's bytes. A diacritic with no letter after it, at the line's end, stands alone after a
     * space, Unicode's way to write a diacritic by itself, rather than join the letter before it.
     */
    static String decode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        StringBuilder marks = new StringBuilder();
        for (byte b : bytes) {
            int code = b & 0xFF;
            if (code >= 0x80 && COMBINING[code - 0x80] != 0) {
                marks.append(COMBINING[code - 0x80]);
                continue;
            }
            char letter = code < 0x80 ? (char) code : SPACING[code - 0x80];
            if (code < 0x80 || letter != DROPPED) {
                text.append(letter).append(marks);
                marks.setLength(0);
            }
        }
        if (!marks.isEmpty()) {
            text.append(' ').append(marks);
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
