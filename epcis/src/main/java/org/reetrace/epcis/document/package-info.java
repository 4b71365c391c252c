/**
 * Immutable wire records of GS1 EPCIS 2.0 documents, one record per standard type, components in the
 * order of the EPCIS 2.0 XML schema (which is the standard's field order).
 *
 * <p>These records mirror the wire and nothing more: they carry identifiers as the URIs that were
 * written, and they are mapped to the project's own domain elsewhere. Two normalisations are made on
 * reading, because the standard itself says the forms are one value: CBV vocabulary (bare JSON-LD
 * words, {@code urn:epcglobal:cbv:...} URNs and GS1 Web URIs) is held as its GS1 Web URI (see
 * {@link org.reetrace.epcis.document.Cbv}), and times are held as {@link java.time.Instant}s.
 */
package org.reetrace.epcis.document;
