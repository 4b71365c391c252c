package org.reetrace.app.epcis;

import java.util.List;
import java.util.Optional;

/** One page of a list (named queries, subscriptions), and the next page's token if one follows. */
record Listing<T>(List<T> items, Optional<QueryEvents.NextPage> next) {
}
