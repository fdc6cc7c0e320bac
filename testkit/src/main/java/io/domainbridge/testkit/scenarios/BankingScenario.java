package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.scenarios.Command.Statement;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Core Banking opens accounts and posts transactions. Mobile Banking shows the account balance from a replicated
 * read model; the General Ledger books an entry per posted transaction and Investment Management keeps the portfolio's
 * cash balance, both from the events.
 */
public final class BankingScenario implements Scenario {

    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP");

    private final OutboxEvents events = new OutboxEvents("account");
    private final List<Long> accounts = new ArrayList<>();
    private final Map<Long, BigDecimal> balances = new HashMap<>();
    private final Map<Long, String> currencies = new HashMap<>();
    private long transactions;

    @Override
    public String name() {
        return "banking";
    }

    @Override
    public List<String> domains() {
        return List.of("core_banking", "mobile_banking", "general_ledger", "investment_management");
    }

    @Override
    public List<String> connectors() {
        return List.of(
                "core-banking-accounts-source",
                "core-banking-outbox-source",
                "mobile-banking-sink",
                "general-ledger-sink",
                "investment-management-sink");
    }

    @Override
    public String outboxTable() {
        return "banking.outbox";
    }

    @Override
    public Command command(int index, Random random) {
        events.tick(random);
        return accounts.size() < 5 || random.nextInt(8) == 0
                ? open(accounts.size() + 1L, random)
                : post(accounts.get(random.nextInt(accounts.size())), random);
    }

    private Command open(long id, Random random) {
        accounts.add(id);
        balances.put(id, BigDecimal.ZERO.setScale(2));
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        currencies.put(id, currency);
        return Command.of(
                events.event("AccountOpened", id, "accountId", id, "currency", currency),
                new Statement(
                        "insert into banking.accounts values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
                        id,
                        "ACC-" + (70_000 + id),
                        "NL91BANK0" + (417_000 + id),
                        "Account Holder " + id,
                        "SSN-" + (900_000 + id) + "-Z",
                        currency,
                        new BigDecimal(random.nextInt(500_000)).movePointLeft(2),
                        random.nextInt(100),
                        random.nextBoolean() ? "internal: watch list " + id : null,
                        SourceValues.day(random),
                        SourceValues.instant(random),
                        SourceValues.anyScale(random)));
    }

    private Command post(long account, Random random) {
        long id = ++transactions;
        BigDecimal amount = new BigDecimal(random.nextInt(200_000) - 80_000).movePointLeft(2);
        BigDecimal balance = balances.merge(account, amount, BigDecimal::add);
        return Command.of(
                events.event(
                        "TransactionPosted",
                        account,
                        "transactionId",
                        id,
                        "accountId",
                        account,
                        "amount",
                        amount,
                        "balanceAfter",
                        balance,
                        "currency",
                        currencies.get(account),
                        "postedAt",
                        events.now().toString()),
                new Statement(
                        "insert into banking.transactions values (?, ?, ?, ?, ?, ?)",
                        id,
                        account,
                        amount,
                        "DE89COUNTER" + random.nextInt(1000),
                        "payment " + id,
                        Timestamp.from(events.now())),
                new Statement("update banking.accounts set balance = balance + ? where id = ?", amount, account));
    }

    @Override
    public List<ConsistencyCheck> checks(String pseudonymizeKey) {
        return List.of(
                new ConsistencyCheck(
                        "Mobile Banking overview = accounts through the contract",
                        "mobile_banking",
                        "select account_id, account_number, iban, currency, available_balance, customer_ref, opened_on,"
                                + " opened_at, trim_scale(interest_rate)"
                                + " from account_overview order by account_id",
                        "select id, account_no, iban, currency, balance,"
                                + " encode(hmac(holder_ssn, '" + pseudonymizeKey + "', 'sha256'), 'hex')"
                                + ", opened_on, opened_at, trim_scale(interest_rate) from banking.accounts order by id"),
                new ConsistencyCheck(
                        "General Ledger entries = posted transactions",
                        "general_ledger",
                        "select entry_ref, account_ref, amount, currency, posted_at from ledger_entries"
                                + " order by entry_ref",
                        "select t.id, t.account_id, t.amount, a.currency, t.posted_at from banking.transactions t"
                                + " join banking.accounts a on a.id = t.account_id order by t.id"),
                new ConsistencyCheck(
                        "Investment Management cash balance = account balance as of its latest event",
                        "investment_management",
                        "select account_ref, cash_balance, currency, as_of from portfolio_balances"
                                + " order by account_ref",
                        "select a.id, a.balance, a.currency, (select max(o.occurred_at) from banking.outbox o"
                                + " where o.aggregate_id = a.id::text) from banking.accounts a order by a.id"),
                new ConsistencyCheck(
                        "General Ledger inbox holds each posted transaction once",
                        "general_ledger",
                        "select event_id from domainbridge_inbox where consumer = 'general-ledger' order by 1",
                        "select event_id::text from banking.outbox where event_type = 'TransactionPosted'"
                                + " order by 1"),
                new ConsistencyCheck(
                        "Investment Management inbox holds each event once",
                        "investment_management",
                        "select event_id from domainbridge_inbox where consumer = 'investment-management'"
                                + " order by 1",
                        "select event_id::text from banking.outbox order by 1"));
    }

    @Override
    public String confidentialValuesQuery() {
        return "select holder_name from banking.accounts union select holder_ssn from banking.accounts"
                + " union select internal_notes from banking.accounts where internal_notes is not null"
                + " union select counterparty_iban from banking.transactions";
    }
}
