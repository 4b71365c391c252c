package org.reetrace.app.epcis;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.reetrace.app.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The named queries and subscriptions of the GS1 EPCIS 2.0 REST binding ({@code /epcis/queries...}): a query kept
 * under a name, run a page at a time or watched over a WebSocket, and webhook subscriptions to it. Here only
 * HTTP; the use cases decide who may do what.
 */
@RestController
@RequestMapping("/epcis/queries")
class NamedQueryController {
    private static final String WEBSOCKET_PATH = "/epcis/queries/{queryName}/events";

    private final NameQuery nameQuery;
    private final ReadNamedQueries readQueries;
    private final DeleteNamedQuery deleteQuery;
    private final RunNamedQuery runQuery;
    private final SubscribeToQuery subscribe;
    private final ReadSubscriptions readSubscriptions;
    private final Unsubscribe unsubscribe;
    private final SubscriptionDelivery delivery;
    private final java.time.Clock clock;

    NamedQueryController(NameQuery nameQuery, ReadNamedQueries readQueries, DeleteNamedQuery deleteQuery,
                         RunNamedQuery runQuery, SubscribeToQuery subscribe, ReadSubscriptions readSubscriptions,
                         Unsubscribe unsubscribe, SubscriptionDelivery delivery, java.time.Clock clock) {
        this.nameQuery = nameQuery;
        this.readQueries = readQueries;
        this.deleteQuery = deleteQuery;
        this.runQuery = runQuery;
        this.subscribe = subscribe;
        this.readSubscriptions = readSubscriptions;
        this.unsubscribe = unsubscribe;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** The binding's query definition: {@code name} (or {@code queryName}) and the query object. */
    record QueryDefinition(@Schema(description = "The query's name: letters, digits, '.', '_', '~', '-'")
                           String name,
                           @Schema(description = "The same as name, for clients that call it so") String queryName,
                           @Schema(description = "A SimpleEventQuery: the parameters of GET /epcis/events, a list "
                                   + "as a JSON array (\"EQ_bizStep\": [\"shipping\", \"receiving\"]), a single "
                                   + "value as a string", type = "object") JsonNode query) {
    }

    @Operation(summary = "Discover the query resources", description = "GS1 discovery of the named query "
            + "resources: the methods each allows, the EPCIS and CBV versions spoken, the extensions known.")
    @ApiResponse(responseCode = "204", description = "The resource's discovery headers")
    @RequestMapping(method = RequestMethod.OPTIONS, path = {"", "/{queryName}", "/{queryName}/subscriptions",
            "/{queryName}/subscriptions/{subscriptionID}", "/{queryName}/events"})
    ResponseEntity<Void> discover(Caller caller, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/");
        String allow = switch (segments.length) {
            case 3 -> Discovery.WRITABLE;
            case 4 -> "OPTIONS, GET, DELETE";
            default -> path.endsWith("/subscriptions") ? Discovery.WRITABLE
                    : path.endsWith("/events") ? Discovery.READ_ONLY : "OPTIONS, GET, DELETE";
        };
        return Discovery.of(allow).build();
    }

    @Operation(summary = "Name a query", description = "Keeps a SimpleEventQuery under a name, for its maker to "
            + "run (GET /epcis/queries/{queryName}/events) or subscribe to. Its parameters are checked as GET "
            + "/epcis/events checks them: one this repository does not support is refused now (400 "
            + "epcisException:QueryParameterException); perPage and nextPageToken are given when it is run. A name "
            + "in use is 409. Who may query events may name queries.")
    @ApiResponse(responseCode = "201", description = "Named", headers = @Header(name = "Location",
            description = "The query, /epcis/queries/{queryName}"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NamedQueryView> nameQuery(Caller caller, @RequestBody QueryDefinition definition) {
        String name = definition.name() != null ? definition.name() : definition.queryName();
        NamedQueryView named = nameQuery.name(caller, name, definition.query());
        return ResponseEntity.created(URI.create("/epcis/queries/" + named.name())).body(named);
    }

    @Operation(summary = "List named queries", description = "The queries the caller named, by name, a page at "
            + "a time; a further page is linked in a Link header (rel=\"next\").")
    @ApiResponse(responseCode = "200", description = "The caller's named queries", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = NamedQueryView.class))), headers = {
            @Header(name = "Link", description = "The next page, if one follows"),
            @Header(name = "GS1-Next-Page-Token-Expires", description = "With a next page: when its token "
                    + "stops being taken")})
    @GetMapping
    ResponseEntity<List<NamedQueryView>> namedQueries(
            Caller caller, HttpServletRequest request,
            @Parameter(description = "Queries per page, from 1 to the repository's maximum; 30 by default")
            @RequestParam Optional<String> perPage,
            @Parameter(description = "The token of the page to read, from the previous page's Link header")
            @RequestParam Optional<String> nextPageToken) {
        return page(request, readQueries.list(caller, perPage, nextPageToken));
    }

    @Operation(summary = "Read a named query", description = "The query's name and its query object; only its "
            + "maker may read it (403 for another caller).")
    @ApiResponse(responseCode = "200", description = "The named query")
    @GetMapping("/{queryName}")
    NamedQueryView namedQuery(Caller caller, @Parameter(description = "The query's name") @PathVariable String queryName) {
        return readQueries.read(caller, queryName);
    }

    @Operation(summary = "Delete a named query", description = "Deletes the query and ends every subscription "
            + "to it, webhooks and WebSockets alike; only its maker may.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{queryName}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteNamedQuery(Caller caller, @Parameter(description = "The query's name") @PathVariable String queryName) {
        deleteQuery.delete(caller, queryName);
    }

    @Operation(summary = "Run a named query, or watch it over a WebSocket", description = "Without an Upgrade "
            + "header: a page of the query's events, as GET /epcis/events answers the same parameters (the same "
            + "paging, Link and GS1-Next-Page-Token-Expires headers); only perPage and nextPageToken may be given. "
            + "With Upgrade: websocket (and the bearer token on the upgrade request): a WebSocket that receives, "
            + "with stream=true, an EPCISQueryDocument with each new event of the query as it is found, or, with a "
            + "schedule (second, minute, hour, dayOfMonth, month, dayOfWeek, in UTC), one with the events found "
            + "since the last run (sent empty only with reportIfEmpty=true). initialRecordTime starts it at the "
            + "events recorded from then (default: now). A subscription's parameters that are wrong are 400 "
            + "epcisException:SubscriptionControlsException.")
    @ApiResponse(responseCode = "200", description = "An EPCISQueryDocument with a page of the events", content = {
            @Content(mediaType = "application/ld+json", schema = @Schema(type = "object", description = EpcisApiDocs.JSON_LD)),
            @Content(mediaType = "application/json", schema = @Schema(type = "object", description = EpcisApiDocs.JSON_LD)),
            @Content(mediaType = "application/xml", schema = @Schema(type = "string", description = EpcisApiDocs.XML))},
            headers = {@Header(name = "Link", description = "The next page, if one follows"),
                    @Header(name = "GS1-Next-Page-Token-Expires", description = "With a next page: when its token "
                            + "stops being taken")})
    @ApiResponse(responseCode = "101", description = "Switched to a WebSocket")
    @GetMapping("/{queryName}/events")
    ResponseEntity<byte[]> runNamedQuery(
            Caller caller, HttpServletRequest request, HttpServletResponse response,
            @Parameter(description = "The query's name") @PathVariable String queryName,
            @Parameter(in = ParameterIn.HEADER, description = "websocket, to watch the query over a WebSocket")
            @RequestHeader(name = HttpHeaders.UPGRADE, required = false) String upgrade,
            @Parameter(description = "Events per page (a run)") @RequestParam Optional<String> perPage,
            @Parameter(description = "The token of the page to read (a run)") @RequestParam Optional<String> nextPageToken,
            @Parameter(description = "true: a WebSocket receives each new event as it is found")
            @RequestParam Optional<String> stream,
            @Parameter(description = "A WebSocket's schedule: seconds (0-59)") @RequestParam Optional<String> second,
            @Parameter(description = "A WebSocket's schedule: minutes (0-59)") @RequestParam Optional<String> minute,
            @Parameter(description = "A WebSocket's schedule: hours (0-23, UTC)") @RequestParam Optional<String> hour,
            @Parameter(description = "A WebSocket's schedule: days of the month (1-31)")
            @RequestParam Optional<String> dayOfMonth,
            @Parameter(description = "A WebSocket's schedule: months (1-12)") @RequestParam Optional<String> month,
            @Parameter(description = "A WebSocket's schedule: days of the week (1 Monday to 7)")
            @RequestParam Optional<String> dayOfWeek,
            @Parameter(description = "A scheduled WebSocket: send a document even with no new event")
            @RequestParam Optional<String> reportIfEmpty,
            @Parameter(description = "A WebSocket: the first events sent are those recorded from this date-time "
                    + "with offset (default: now)") @RequestParam Optional<String> initialRecordTime)
            throws IOException {
        if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            RunNamedQuery.Watch watch = runQuery.watch(caller, queryName, request.getParameterMap());
            open(request, response, watch);
            return null;
        }
        QueryEvents.Page page = runQuery.run(caller, queryName, request.getParameterMap());
        return QueryAnswers.document(request, page.events(), page.next().orElse(null), clock.instant());
    }

    /** Switches the request to a WebSocket served by {@link SubscriptionDelivery}. */
    private void open(HttpServletRequest request, HttpServletResponse response, RunNamedQuery.Watch watch)
            throws IOException {
        ServerContainer container = (ServerContainer) request.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        QuerySocket socket = new QuerySocket(delivery, watch);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(QuerySocket.class, WEBSOCKET_PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(socket);
                    }
                }).build();
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of("queryName", watch.query().name()));
        } catch (DeploymentException e) {
            throw new IOException("the WebSocket could not be opened", e);
        }
    }

    @Operation(summary = "Subscribe a webhook", description = "From initialRecordTime (default: now), each event "
            + "of the query that its maker may see is POSTed to dest as an EPCISQueryDocument (application/ld+json), "
            + "in order and at least once: as it is found (stream: true) or on a schedule (second, minute, hour, "
            + "dayOfMonth, month, dayOfWeek, in UTC; with reportIfEmpty an empty document too). With a "
            + "signatureToken each request carries GS1-Signature: sha256= and the lower-case hex HMAC-SHA256 of the "
            + "body under the token. A delivery that is not answered 2xx is retried after 1 s, then a wait that "
            + "doubles up to 10 min; meanwhile the subscription is failing and keeps its events. Only the query's "
            + "maker may subscribe. A dest on the server's machine or a private network is refused (unless the "
            + "server lets it in). Wrong controls are 400 epcisException:SubscriptionControlsException.")
    @ApiResponse(responseCode = "201", description = "Subscribed", headers = @Header(name = "Location",
            description = "The subscription, /epcis/queries/{queryName}/subscriptions/{subscriptionID}"))
    @PostMapping(path = "/{queryName}/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionView> subscribe(Caller caller,
                                               @Parameter(description = "The query's name") @PathVariable String queryName,
                                               @RequestBody SubscribeToQuery.NewSubscription subscription) {
        SubscriptionView made = subscribe.subscribe(caller, queryName, subscription);
        return ResponseEntity.created(URI.create("/epcis/queries/" + queryName + "/subscriptions/"
                + made.subscriptionID())).body(made);
    }

    @Operation(summary = "List a query's subscriptions", description = "The webhook subscriptions to the query, "
            + "in the order they were made, a page at a time; only the query's maker may list them.")
    @ApiResponse(responseCode = "200", description = "The subscriptions", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = SubscriptionView.class))), headers = {
            @Header(name = "Link", description = "The next page, if one follows"),
            @Header(name = "GS1-Next-Page-Token-Expires", description = "With a next page: when its token "
                    + "stops being taken")})
    @GetMapping("/{queryName}/subscriptions")
    ResponseEntity<List<SubscriptionView>> subscriptions(
            Caller caller, HttpServletRequest request,
            @Parameter(description = "The query's name") @PathVariable String queryName,
            @Parameter(description = "Subscriptions per page; 30 by default") @RequestParam Optional<String> perPage,
            @Parameter(description = "The token of the page to read") @RequestParam Optional<String> nextPageToken) {
        return page(request, readSubscriptions.list(caller, queryName, perPage, nextPageToken));
    }

    @Operation(summary = "Read a subscription", description = "The subscription (never its signature token) and "
            + "how its delivery goes: state active or failing, failures in a row, the last error, the next attempt "
            + "(or scheduled run), the last time its destination took a delivery.")
    @ApiResponse(responseCode = "200", description = "The subscription")
    @GetMapping("/{queryName}/subscriptions/{subscriptionID}")
    SubscriptionView subscription(Caller caller,
                                  @Parameter(description = "The query's name") @PathVariable String queryName,
                                  @Parameter(description = "The subscription's id") @PathVariable String subscriptionID) {
        return readSubscriptions.read(caller, queryName, subscriptionID);
    }

    @Operation(summary = "Unsubscribe", description = "Ends the webhook subscription; only the query's maker may.")
    @ApiResponse(responseCode = "204", description = "Unsubscribed")
    @DeleteMapping("/{queryName}/subscriptions/{subscriptionID}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(Caller caller,
                     @Parameter(description = "The query's name") @PathVariable String queryName,
                     @Parameter(description = "The subscription's id") @PathVariable String subscriptionID) {
        unsubscribe.unsubscribe(caller, queryName, subscriptionID);
    }

    private static <T> ResponseEntity<List<T>> page(HttpServletRequest request, Listing<T> listing) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(Discovery.GS1_EXTENSIONS, Discovery.EXTENSIONS);
        listing.next().ifPresent(next -> answer.header(HttpHeaders.LINK, QueryAnswers.nextLink(request, next.token()))
                .header("GS1-Next-Page-Token-Expires", next.expires().toString()));
        return answer.body(listing.items());
    }
}
