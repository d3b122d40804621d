package io.relata.imports.gedcom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GedcomDatesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 JAN 1819                            | 1819
            24 May 1819                           | 1819
            MAR 1999                              | 1999
            1819                                  | 1819
            ABT 1819                              | 1819
            CAL 31 DEC 1997                       | 1997
            EST 30 DEC 1997                       | 1997
            BEF 1819                              | 1819
            AFT 31 DEC 1997                       | 1997
            BET 1800 AND 1810                     | 1800
            BET MAY 1979 AND AUG 1979             | 1979
            FROM 1800 TO 1810                     | 1800
            FROM APR 2000 TO 5 MAR 2001           | 2000
            TO 1810                               | 1810
            @#DJULIAN@ 12 MAR 1700                | 1700
            @#DGREGORIAN@ 1 JAN 1900              | 1900
            JULIAN 1700                           | 1700
            1819/20                               | 1819
            27 OCT 1699/00                        | 1699
            BET 5 APR 1712/13 AND 28 SEP 1714/15  | 1712
            5 MAY 0005                            | 5
            0812                                  | 812
            INT 31 DEC 1997 (a test)              | 1997
            INT 1995 (from estimated age)         | 1995
            1 June 1819                           | 1819
            """)
    void yearIsTheFirstDatesYearWithoutLeadingZeros(String date, String year) {
        assertThat(GedcomDates.year(date)).contains(year);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(text)", "(No idea of the date)", "5 AUG 1100 B.C.", "44 BC", "5 MAY 0005 B.C.",
        "100 BCE", "2 TVT 5758", "@#DHEBREW@ 2 TVT 5758", "FROM 25 SVN 5757 TO 26 IYR 5757", "11 NIVO 0006",
        "@#DFRENCH R@ 5 VEND 0010", "HEBREW 5758", "1 JAN", "0", "12345"})
    void dateWithNoChristianEraYearHasNone(String date) {
        assertThat(GedcomDates.year(date)).isEmpty();
    }
}
