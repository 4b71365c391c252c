package org.reetrace.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonNumbersTest {

    /** Expected values are what Python 3 prints for {@code int(f) if int(f) == f else f} with {@code f = float(text)}. */
    @ParameterizedTest
    @CsvSource({
            "20.0, 20", "0020, 20", "0.50, 0.5", "+3, 3", "-0.0, 0", "1.5e3, 1500", "23.319941, 23.319941",
            "0.0001, 0.0001", "0.00005, 5e-05", "-0.000012345, -1.2345e-05", "1e20, 100000000000000000000",
            "111100001111000011110000, 111100001111000003641344", "0.1, 0.1", ".5, 0.5", "5., 5"})
    void a_number_is_written_as_pythons_float(String text, String expected) {
        assertThat(PythonNumbers.canonical(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"KGM", "1.2.3", "urn:epc:id:sgtin:0614141.107346.2017", "1e400", "nan", "0x10", "12 kg"})
    void anything_else_is_no_number(String text) {
        assertThat(PythonNumbers.canonical(text)).isEmpty();
    }
}
