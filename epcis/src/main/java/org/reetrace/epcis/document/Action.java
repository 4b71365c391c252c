package org.reetrace.epcis.document;

/** The EPCIS action of an event: what it did to the relation between its objects and the world. */
public enum Action {
    ADD, OBSERVE, DELETE
}
