package org.reetrace.epcis.xml;

import java.io.InputStream;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * StAX readers that cannot be turned against the server: no external entities, no DTD processing, and
 * any document type declaration that declares something (an internal subset, a SYSTEM or PUBLIC id) is
 * refused outright, which stops XXE and entity expansion ("billion laughs") before they start.
 * A bare {@code <!DOCTYPE name>} declares nothing and is let through, because GS1's own examples carry one.
 */
public final class SecureXml {
    private static final XMLInputFactory FACTORY = factory();

    private SecureXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    /** A namespace-aware reader that throws {@link XMLStreamException} on any declaring DTD. */
    public static XMLStreamReader reader(InputStream in) {
        try {
            XMLStreamReader plain = FACTORY.createXMLStreamReader(in);
            if ("1.1".equals(plain.getVersion())) {
                // XML 1.1 lets character references name control characters, which text that is kept may not hold
                // (org.reetrace.core.text.StorableText); XML 1.0 refuses them in the parser itself
                throw new IllegalArgumentException("not accepted: XML 1.1 (EPCIS documents are XML 1.0)");
            }
            return new StreamReaderDelegate(plain) {
                @Override
                public int next() throws XMLStreamException {
                    int event = super.next();
                    if (event == XMLStreamConstants.DTD) {
                        refuseDeclaringDtd(getText(), getLocation());
                    }
                    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new XMLStreamException("entity references are not accepted: &" + getLocalName()
                                + ";", getLocation());
                    }
                    return event;
                }
            };
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
    }

    private static void refuseDeclaringDtd(String doctype, javax.xml.stream.Location at) throws XMLStreamException {
        String d = doctype == null ? "" : doctype.toUpperCase(Locale.ROOT);
        if (d.contains("[") || d.contains("SYSTEM") || d.contains("PUBLIC") || d.contains("<!ENTITY")) {
            throw new XMLStreamException("document type declarations are not accepted (XXE and entity "
                    + "expansion protection)", at);
        }
    }
}
