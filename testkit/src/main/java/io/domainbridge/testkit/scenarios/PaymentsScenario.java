package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.outbox.OutboxEvent;
import io.domainbridge.testkit.scenarios.Command.Statement;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Customer Accounts issues cards, updates their details, takes authorization requests and closes each business day.
 * Fraud Detection keeps a card lookup through the contract (card number pseudonymized, expiry allowed, CVV never
 * leaves) and screens card-detail updates and authorization requests; Billing follows card-detail updates; Settlement
 * and Reconciliation receive the end-of-day totals.
 */
public final class PaymentsScenario implements Scenario {

    private static final int COMMANDS_PER_DAY = 60;
    private static final List<String> MERCHANTS = List.of("Grocer", "Airline", "Bookshop", "Fuel station");

    private final OutboxEvents cardEvents = new OutboxEvents("card");
    private final OutboxEvents settlementEvents = new OutboxEvents("settlement");
    private final List<Long> cards = new ArrayList<>();
    private long authorizations;
    private int dayCount;
    private BigDecimal dayTotal = BigDecimal.ZERO.setScale(2);
    private LocalDate businessDate = LocalDate.of(2026, 11, 2);

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public List<String> domains() {
        return List.of("customer_accounts", "fraud_detection", "billing", "settlement", "reconciliation");
    }

    @Override
    public List<String> connectors() {
        return List.of(
                "customer-accounts-cards-source",
                "customer-accounts-outbox-source",
                "fraud-detection-cards-sink",
                "fraud-detection-events-sink",
                "billing-sink",
                "settlement-sink",
                "reconciliation-sink");
    }

    @Override
    public String outboxTable() {
        return "cards.outbox";
    }

    @Override
    public Command command(int index, Random random) {
        cardEvents.tick(random);
        settlementEvents.tick(random);
        if (index % COMMANDS_PER_DAY == COMMANDS_PER_DAY - 1) {
            return closeDay();
        }
        int dice = random.nextInt(10);
        if (cards.size() < 5 || dice == 0) {
            return issue(cards.size() + 1L, random);
        }
        long card = cards.get(random.nextInt(cards.size()));
        return dice < 3 ? updateDetails(card, random) : authorize(card, random);
    }

    private Command issue(long id, Random random) {
        cards.add(id);
        String expiry = expiry(random);
        return Command.of(
                detailsUpdated(id, expiry, "ACTIVE"),
                new Statement(
                        "insert into cards.cards values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)",
                        id,
                        5000L + random.nextInt(40),
                        "4000" + (123_456_780_000L + id * 7919),
                        expiry,
                        String.format("%03d", random.nextInt(1000)),
                        "Card Holder " + id,
                        "Billing Street " + id + ", Utrecht",
                        new BigDecimal(100 + random.nextInt(900)).movePointRight(1),
                        SourceValues.day(random),
                        SourceValues.instant(random),
                        SourceValues.anyScale(random)));
    }

    private Command updateDetails(long id, Random random) {
        String expiry = expiry(random);
        String status = random.nextInt(4) == 0 ? "BLOCKED" : "ACTIVE";
        return Command.of(
                detailsUpdated(id, expiry, status),
                new Statement(
                        "update cards.cards set expiry = ?, cvv = ?, status = ? where id = ?",
                        expiry,
                        String.format("%03d", random.nextInt(1000)),
                        status,
                        id));
    }

    private Command authorize(long card, Random random) {
        long id = ++authorizations;
        BigDecimal amount = new BigDecimal(100 + random.nextInt(50_000)).movePointLeft(2);
        String merchant = MERCHANTS.get(random.nextInt(MERCHANTS.size()));
        dayCount++;
        dayTotal = dayTotal.add(amount);
        return Command.of(
                cardEvents.event(
                        "AuthorizationRequested",
                        card,
                        "authorizationId",
                        id,
                        "cardId",
                        card,
                        "amount",
                        amount,
                        "merchant",
                        merchant,
                        "requestedAt",
                        cardEvents.now().toString()),
                new Statement(
                        "insert into cards.authorizations values (?, ?, ?, ?, ?)",
                        id,
                        card,
                        amount,
                        merchant,
                        Timestamp.from(cardEvents.now())));
    }

    private Command closeDay() {
        OutboxEvent event = settlementEvents.event(
                "SettlementClosed",
                businessDate,
                "businessDate",
                businessDate.toString(),
                "transactionCount",
                dayCount,
                "totalAmount",
                dayTotal,
                "closedAt",
                settlementEvents.now().toString());
        Command command = Command.of(
                event,
                new Statement(
                        "insert into cards.settlements values (?, ?, ?, ?)",
                        Date.valueOf(businessDate),
                        dayCount,
                        dayTotal,
                        Timestamp.from(settlementEvents.now())));
        businessDate = businessDate.plusDays(1);
        dayCount = 0;
        dayTotal = BigDecimal.ZERO.setScale(2);
        return command;
    }

    private OutboxEvent detailsUpdated(long id, String expiry, String status) {
        return cardEvents.event(
                "CardDetailsUpdated",
                id,
                "cardId",
                id,
                "expiry",
                expiry,
                "status",
                status,
                "updatedAt",
                cardEvents.now().toString());
    }

    private static String expiry(Random random) {
        return String.format("%02d/%02d", 1 + random.nextInt(12), 27 + random.nextInt(5));
    }

    @Override
    public List<ConsistencyCheck> checks(String pseudonymizeKey) {
        String detailUpdates =
                "join cards.outbox o on o.aggregate_id = c.id::text" + " and o.event_type = 'CardDetailsUpdated'";
        return List.of(
                new ConsistencyCheck(
                        "Fraud Detection card lookup = cards through the contract",
                        "fraud_detection",
                        "select card_id, card_token, expires, card_state, customer_ref, issued_on, activated_at,"
                                + " trim_scale(risk_weight) from card_lookup order by 1",
                        "select id, encode(hmac(card_number, '" + pseudonymizeKey + "', 'sha256'), 'hex'), expiry,"
                                + " status, customer_id, issued_on, activated_at, trim_scale(risk_weight) from cards.cards"
                                + " order by id"),
                new ConsistencyCheck(
                        "Fraud Detection screened every card-detail update",
                        "fraud_detection",
                        "select event_id, card_id, expires, changed_at from card_change_log order by 1",
                        "select event_id::text, aggregate_id, payload->>'expiry', occurred_at from cards.outbox"
                                + " where event_type = 'CardDetailsUpdated' order by 1"),
                new ConsistencyCheck(
                        "Fraud Detection screened every authorization request",
                        "fraud_detection",
                        "select authorization_id, card_id, amount, merchant, requested_at from authorization_checks"
                                + " order by 1",
                        "select id, card_id, amount, merchant, requested_at from cards.authorizations order by id"),
                new ConsistencyCheck(
                        "Billing cards = latest card details and number of updates",
                        "billing",
                        "select card_id, expires, card_state, detail_changes, last_change_at from billing_cards"
                                + " order by 1",
                        "select c.id, c.expiry, c.status, count(*), max(o.occurred_at) from cards.cards c "
                                + detailUpdates + " group by c.id, c.expiry, c.status order by c.id"),
                new ConsistencyCheck(
                        "Settlement batches = settled days",
                        "settlement",
                        "select business_date, tx_count, amount_total, closed_at from settlement_batches order by 1",
                        "select business_date, transaction_count, total_amount, closed_at from cards.settlements"
                                + " order by 1"),
                new ConsistencyCheck(
                        "Reconciliation expectations = settled days",
                        "reconciliation",
                        "select day, expected_count, expected_total, source_event from expected_days order by 1",
                        "select s.business_date, s.transaction_count, s.total_amount, o.event_id::text"
                                + " from cards.settlements s join cards.outbox o on o.aggregate_id ="
                                + " s.business_date::text and o.event_type = 'SettlementClosed' order by 1"),
                inbox("fraud_detection", "fraud-detection-events", "event_type <> 'SettlementClosed'"),
                inbox("billing", "billing", "event_type = 'CardDetailsUpdated'"),
                inbox("settlement", "settlement", "event_type = 'SettlementClosed'"),
                inbox("reconciliation", "reconciliation", "event_type = 'SettlementClosed'"));
    }

    private static ConsistencyCheck inbox(String domain, String consumer, String where) {
        return new ConsistencyCheck(
                consumer + " inbox holds each of its events once",
                domain,
                "select event_id from domainbridge_inbox where consumer = '" + consumer + "' order by 1",
                "select event_id::text from cards.outbox where " + where + " order by 1");
    }

    @Override
    public String confidentialValuesQuery() {
        // CVVs are three digits, which any record may contain by chance; the audit checks their column never leaves.
        return "select card_number from cards.cards union select holder_name from cards.cards"
                + " union select billing_address from cards.cards";
    }
}
