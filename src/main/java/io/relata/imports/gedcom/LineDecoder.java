package io.relata.imports.gedcom;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one line's bytes into text, by the character set a GEDCOM file declares or its bytes show. */
@FunctionalInterface
interface LineDecoder {

    Charset CP1252 = Charset.forName("windows-1252");
    Charset CP437 = Charset.forName("IBM437");
    Pattern WINDOWS_CODE_PAGE = Pattern.compile("(?:ANSI|WINDOWS|CP)(125[0-8])");

    String decode(byte[] bytes);

    /** Decodes by {@code charset}; a byte sequence it cannot read becomes U+FFFD, so one bad byte costs no name. */
    static LineDecoder replacing(Charset charset) {
        return bytes -> new String(bytes, charset);
    }

    /**
     * UTF-8 where a line's bytes are valid UTF-8, else CP1252: for files that declare no character set, or ASCII
     * while holding bytes above 127, which in practice are one of these two.
     */
    static LineDecoder utf8OrCp1252() {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return bytes -> {
            try {
                return strict.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException notUtf8) {
                return new String(bytes, CP1252);
            }
        };
    }

    /**
     * The decoder for a header's {@code 1 CHAR} value (null when it has none) in a file of GEDCOM version
     * {@code version} (null when unknown); GEDCOM 7 files are UTF-8 whatever they say.
     */
    static LineDecoder declared(String charValue, String version) {
        if (version != null && version.strip().startsWith("7")) {
            return replacing(StandardCharsets.UTF_8);
        }
        if (charValue == null) {
            return utf8OrCp1252();
        }
        String name = charValue.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        Matcher codePage = WINDOWS_CODE_PAGE.matcher(name);
        if (codePage.matches()) {
            return replacing(Charset.forName("windows-" + codePage.group(1)));
        }
        return switch (name) {
            case "ANSEL" -> Ansel::decode;
            case "UTF8" -> replacing(StandardCharsets.UTF_8);
            case "IBMPC", "CP437", "IBM437", "DOS" -> replacing(CP437);
            case "ANSI", "WINDOWS", "IBMWINDOWS", "ISO88591", "LATIN1" -> replacing(CP1252);
            case "ASCII", "USASCII", "UNICODE", "UTF16" -> utf8OrCp1252();
            case "MACINTOSH", "MACROMAN" -> replacing(Charset.isSupported("x-MacRoman")
                    ? Charset.forName("x-MacRoman") : CP1252);
            default -> supported(charValue.strip());
        };
    }

    /**
     * A one-byte-unit charset Java knows by that name (ISO-8859-2, KOI8-R); else the usual two. UTF-16 and UTF-32
     * are detected from the bytes before the header is read, so a file that names them here is not in them.
     */
    private static LineDecoder supported(String name) {
        try {
            if (Charset.isSupported(name)) {
                Charset charset = Charset.forName(name);
                if (!charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32")) {
                    return replacing(charset);
                }
            }
        } catch (IllegalArgumentException illegalName) {
            // not a charset name at all
        }
        return utf8OrCp1252();
    }
}
