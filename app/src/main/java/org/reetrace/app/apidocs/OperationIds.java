package org.reetrace.app.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Operation ids that do not depend on the order in which handlers are found. An id is its handler method's name;
 * springdoc numbers names used twice ({@code list}, {@code list_1}) in scan order, so every operation of such a name
 * is named again from what tells it apart: its tag ({@code listAlerts}, {@code listTokens}) or, when the tags are
 * the same, its path ({@code discoverEpcisEpcsEpc}).
 */
final class OperationIds {

    private OperationIds() {
    }

    static void makeStable(Paths paths) {
        Map<String, List<Located>> byName = new LinkedHashMap<>();
        paths.forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (operation.getOperationId() != null) {
                String name = operation.getOperationId().replaceFirst("_\\d+$", "");
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new Located(path, operation));
            }
        }));
        byName.forEach((name, operations) -> {
            if (operations.size() == 1) {
                operations.getFirst().operation().setOperationId(name);
                return;
            }
            Set<String> tags = operations.stream().map(OperationIds::tag).collect(Collectors.toSet());
            boolean tagsTellApart = tags.size() == operations.size();
            for (Located located : operations) {
                located.operation().setOperationId(name + (tagsTellApart ? pascal(tag(located)) : pascal(located.path())));
            }
        });
    }

    private record Located(String path, Operation operation) {
    }

    private static String tag(Located located) {
        List<String> tags = located.operation().getTags();
        return tags == null || tags.isEmpty() ? "" : tags.getFirst();
    }

    /** {@code /epcis/epcs/{epc}/events} becomes {@code EpcisEpcsEpcEvents}; {@code /api/} is left out. */
    private static String pascal(String words) {
        StringBuilder name = new StringBuilder();
        for (String word : words.replaceFirst("^/api/", "/").split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return name.toString();
    }
}
