package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.scenarios.Command.Statement;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Compensation and Benefits hires employees and changes their pay; Payroll keeps its own employee table through the
 * contract. Time and Attendance records timecard swipes; Payroll accumulates the worked minutes from the events, so
 * an event applied twice or lost shows in the totals.
 */
public final class HcmScenario implements Scenario {

    private static final List<String> GRADES = List.of("G1", "G2", "G3", "G4");
    private static final List<String> PLANS = List.of("basic", "family", "premium");

    private final OutboxEvents employeeEvents = new OutboxEvents("employee");
    private final OutboxEvents timecardEvents = new OutboxEvents("timecard");
    private final List<Long> employees = new ArrayList<>();
    private long swipes;

    @Override
    public String name() {
        return "hcm";
    }

    @Override
    public List<String> domains() {
        return List.of("hcm", "payroll");
    }

    @Override
    public List<String> connectors() {
        return List.of("hcm-employees-source", "hcm-outbox-source", "payroll-employees-sink", "payroll-timecards-sink");
    }

    @Override
    public String outboxTable() {
        return "hr.outbox";
    }

    @Override
    public Command command(int index, Random random) {
        employeeEvents.tick(random);
        timecardEvents.tick(random);
        int dice = random.nextInt(10);
        if (employees.size() < 5 || dice == 0) {
            return hire(employees.size() + 1L, random);
        }
        long employee = employees.get(random.nextInt(employees.size()));
        return dice == 1 ? changeRate(employee, random) : swipe(employee, random);
    }

    private Command hire(long id, Random random) {
        employees.add(id);
        BigDecimal rate = rate(random);
        String grade = GRADES.get(random.nextInt(GRADES.size()));
        return Command.of(
                compensationChanged(id, rate, grade),
                new Statement(
                        "insert into hr.employees values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id,
                        "E-" + (1000 + id),
                        "Employee Name " + id,
                        "NID-7" + id + "-XY",
                        grade,
                        rate,
                        random.nextBoolean() ? PLANS.get(random.nextInt(PLANS.size())) : null,
                        "NL00BANK0" + (555_000 + id),
                        random.nextBoolean() ? "medical: note " + id : null,
                        random.nextInt(5),
                        SourceValues.day(random),
                        SourceValues.instant(random),
                        SourceValues.anyScale(random)));
    }

    private Command changeRate(long id, Random random) {
        BigDecimal rate = rate(random);
        String grade = GRADES.get(random.nextInt(GRADES.size()));
        return Command.of(
                compensationChanged(id, rate, grade),
                new Statement(
                        "update hr.employees set hourly_rate = ?, salary_grade = ?, performance_rating = ?"
                                + " where id = ?",
                        rate,
                        grade,
                        random.nextInt(5),
                        id));
    }

    private Command swipe(long employee, Random random) {
        long id = ++swipes;
        int minutes = 30 + random.nextInt(600);
        Instant out = timecardEvents.now();
        return Command.of(
                timecardEvents.event(
                        "TimecardSwiped",
                        employee,
                        "employeeId",
                        employee,
                        "swipeId",
                        id,
                        "minutes",
                        minutes,
                        "swipedOut",
                        out.toString()),
                new Statement(
                        "insert into hr.timecard_swipes values (?, ?, ?, ?, ?, ?)",
                        id,
                        employee,
                        Timestamp.from(out.minusSeconds(60L * minutes)),
                        Timestamp.from(out),
                        minutes,
                        "terminal-" + random.nextInt(4)));
    }

    private io.domainbridge.testkit.outbox.OutboxEvent compensationChanged(long id, BigDecimal rate, String grade) {
        return employeeEvents.event(
                "CompensationChanged", id, "employeeId", id, "hourlyRate", rate, "salaryGrade", grade);
    }

    private static BigDecimal rate(Random random) {
        return new BigDecimal(1500 + random.nextInt(6000)).movePointLeft(2);
    }

    @Override
    public List<ConsistencyCheck> checks(String pseudonymizeKey) {
        return List.of(
                new ConsistencyCheck(
                        "Payroll employees = employees through the contract",
                        "payroll",
                        "select employee_ref, payroll_no, grade, rate_per_hour, benefits, tax_ref, hired_on,"
                                + " contract_signed_at, trim_scale(fte_ratio) from payroll_employees order by employee_ref",
                        "select id, employee_no, salary_grade, hourly_rate, benefits_plan,"
                                + " encode(hmac(national_id, '" + pseudonymizeKey + "', 'sha256'), 'hex')"
                                + ", hired_on, contract_signed_at, trim_scale(fte_ratio) from hr.employees order by id"),
                new ConsistencyCheck(
                        "Payroll worked hours = sum of the timecard swipes",
                        "payroll",
                        "select employee_ref, worked_minutes, swipes, last_swipe_at from worked_hours"
                                + " order by employee_ref",
                        "select employee_id, sum(minutes), count(*), max(swiped_out) from hr.timecard_swipes"
                                + " group by employee_id order by employee_id"),
                new ConsistencyCheck(
                        "Payroll rate changes = CompensationChanged events",
                        "payroll",
                        "select event_id, employee_ref, rate_per_hour, effective_at from rate_changes order by 1",
                        "select event_id::text, aggregate_id, (payload->>'hourlyRate')::numeric(8,2), occurred_at"
                                + " from hr.outbox where event_type = 'CompensationChanged' order by 1"),
                new ConsistencyCheck(
                        "Payroll inbox holds each event once",
                        "payroll",
                        "select event_id from domainbridge_inbox where consumer = 'payroll-events' order by 1",
                        "select event_id::text from hr.outbox order by 1"));
    }

    @Override
    public String confidentialValuesQuery() {
        return "select full_name from hr.employees union select national_id from hr.employees"
                + " union select bank_account from hr.employees"
                + " union select medical_notes from hr.employees where medical_notes is not null";
    }
}
