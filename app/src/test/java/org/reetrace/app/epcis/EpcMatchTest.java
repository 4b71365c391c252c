package org.reetrace.app.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An EPC URN and its GS1 Digital Link are one EPC both ways; urn:epc:idpat: patterns cover EPCs in both forms. */
class EpcMatchTest {

    @Test
    void a_urn_and_its_digital_link_match_each_other() {
        String urn = "urn:epc:id:sgtin:0614141.107346.2018";
        String dl = "https://id.gs1.org/01/10614141073464/21/2018";

        assertThat(EpcMatch.of(urn, false).spellings()).contains(urn, dl);
        assertThat(EpcMatch.of(dl, false).spellings()).contains(urn, dl);
        assertThat(EpcMatch.of(urn, false).matches(dl)).isTrue();
        assertThat(EpcMatch.of(dl, false).matches(urn)).isTrue();
        // a Digital Link on another domain, with an alias, is the same EPC
        assertThat(EpcMatch.of(urn, false).matches("https://example.com/gtin/10614141073464/ser/2018")).isTrue();
        assertThat(EpcMatch.of(urn, false).matches("urn:epc:id:sgtin:0614141.107346.2019")).isFalse();
    }

    @Test
    void the_urn_spellings_of_a_digital_link_are_those_that_convert_back_to_it() {
        assertThat(EpcMatch.urnsOf("https://id.gs1.org/00/106141412345678908"))
                .contains("urn:epc:id:sscc:0614141.1234567890");
        assertThat(EpcMatch.urnsOf("https://id.gs1.org/414/0614141000012/254/5"))
                .contains("urn:epc:id:sgln:0614141.00001.5");
        assertThat(EpcMatch.urnsOf("https://id.gs1.org/01/04012345123456/10/998877"))
                .contains("urn:epc:class:lgtin:4012345.012345.998877");
        assertThat(EpcMatch.urnsOf("urn:epc:id:sgtin:0614141.107346.2018")).isEmpty();
    }

    @Test
    void a_pattern_covers_the_epcs_it_names_in_either_form() {
        EpcMatch serials = EpcMatch.of("urn:epc:idpat:sgtin:0614141.107346.*", false);
        EpcMatch company = EpcMatch.of("urn:epc:idpat:sgtin:0614141.*.*", false);

        assertThat(serials.pattern()).isTrue();
        assertThat(serials.matches("urn:epc:id:sgtin:0614141.107346.2018")).isTrue();
        assertThat(serials.matches("https://id.gs1.org/01/10614141073464/21/2018")).isTrue();
        assertThat(serials.matches("urn:epc:id:sgtin:0614141.107347.2018")).isFalse();
        assertThat(serials.likes()).contains("urn:epc:id:sgtin:0614141.107346.%",
                "https://id.gs1.org/01/10614141073464/%");
        assertThat(company.matches("urn:epc:id:sgtin:0614141.999999.1")).isTrue();
        assertThat(company.matches("urn:epc:id:sgtin:0614142.107346.1")).isFalse();
        assertThat(EpcMatch.of("urn:epc:idpat:sgtin:4012345.012345.*", true)
                .matches("urn:epc:class:lgtin:4012345.012345.998877")).isTrue();
    }
}
