package org.reetrace.epcis.document;

/** The two documents that carry events: a capture document and the answer to a query. */
public enum DocumentType {
    EPCISDocument, EPCISQueryDocument
}
