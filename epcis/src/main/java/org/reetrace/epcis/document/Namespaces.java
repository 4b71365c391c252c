package org.reetrace.epcis.document;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/** The namespaces of all user extensions anywhere in an event, in the order they first appear. */
public final class Namespaces {
    private Namespaces() {
    }

    public static Set<String> of(EpcisEvent e) {
        Set<String> found = new LinkedHashSet<>();
        collect(e.extensions(), found);
        collect(e.ilmd(), found);
        if (e.readPoint() != null) {
            collect(e.readPoint().extensions(), found);
        }
        if (e.bizLocation() != null) {
            collect(e.bizLocation().extensions(), found);
        }
        if (e.errorDeclaration() != null) {
            collect(e.errorDeclaration().extensions(), found);
        }
        for (SensorElement s : e.sensorElementList()) {
            collect(s.extensions(), found);
            if (s.metadata() != null) {
                collect(s.metadata().extensions(), found);
            }
            s.reports().forEach(r -> collect(r.extensions(), found));
        }
        return found;
    }

    private static void collect(List<Extension> list, Set<String> found) {
        for (Extension x : list) {
            if (!x.namespace().isEmpty()) {
                found.add(x.namespace());
            }
            collect(x.children(), found);
        }
    }
}
