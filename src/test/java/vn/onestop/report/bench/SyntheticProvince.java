package vn.onestop.report.bench;

import java.util.List;
import java.util.stream.Collectors;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyLevel;

/**
 * The SQL that fills the register with a synthetic province-year (2025) and mirrors it as Camunda
 * history. Mix: every agency of the organisation (communes weighted ×3), 60 procedures over the 10
 * fields, 45 % online / 50 % desk / 5 % post, 2 % withdrawn, 3 % refused, ~5 % late (70 % of them
 * apologised, 80 % explained), 60 % of resolved dossiers rated (70 % very satisfied, 25 % satisfied,
 * 5 % not), 40 % with a fee (half paid online), 92 % digitised, 85 % electronic results, 8 % with a
 * supplement request, half of the dossiers received after 10 December still running.
 */
public final class SyntheticProvince {

  private SyntheticProvince() {}

  public static String agencies(List<Agency> agencies) {
    StringBuilder values = new StringBuilder();
    int idx = 0;
    for (Agency a : agencies) {
      int weight = a.level() == AgencyLevel.COMMUNE ? 3 : 1;
      for (int w = 0; w < weight; w++) {
        if (values.length() > 0) {
          values.append(", ");
        }
        values.append("(").append(idx++).append(", '").append(a.id()).append("', '").append(a.level()).append("')");
      }
    }
    return "DROP TABLE IF EXISTS bench_agency; CREATE TABLE bench_agency (idx int PRIMARY KEY, id text, level text);"
        + " INSERT INTO bench_agency VALUES " + values + ";";
  }

  public static final String DOSSIERS = """
      DROP TABLE IF EXISTS bench_proc;
      CREATE TABLE bench_proc AS
        SELECT i AS idx, '1.00' || (1000 + i) AS code,
               (ARRAY['Hộ tịch', 'Chứng thực', 'Đất đai', 'Xây dựng', 'Đầu tư', 'Thành lập và hoạt động doanh nghiệp',
                      'Thành lập và hoạt động của hộ kinh doanh', 'Cư trú', 'Bảo hiểm y tế', 'Bảo hiểm xã hội'])[1 + i % 10] AS field,
               (1 + (i * 7) % 15)::numeric AS days
        FROM generate_series(0, 59) i;
      INSERT INTO onestop.dossier (code, procedure_code, procedure_version, procedure_name, field, level,
          receiving_agency_id, handling_agency_id, channel, applicant_name, applicant_address, status, outcome,
          resolution_days, supplement_count, submitted_at, received_at, clock_started_at, original_due_at, due_at,
          finished_at, returned_at, late, apology_required, apology_at, explanation_required, explanation_at,
          fee_amount, fee_paid, fee_paid_online, digitised, result_electronic, rating, rated_at, rated_by,
          resolution_working_days)
      SELECT 'BENCH-' || g, code, '1', 'Thủ tục ' || code, field, level, agency, agency,
        CASE WHEN rc < 0.45 THEN 'ONLINE' WHEN rc < 0.95 THEN 'DESK' ELSE 'POST' END,
        'Nguyễn Văn ' || g, 'Thôn ' || (g % 17) || ', ' || agency || ', tỉnh Đắk Nông',
        CASE WHEN open THEN 'IN_PROGRESS' WHEN ro < 0.02 THEN 'WITHDRAWN' WHEN ro < 0.05 THEN 'REFUSED' ELSE 'RETURNED' END,
        CASE WHEN open THEN NULL WHEN ro < 0.02 THEN 'WITHDRAWN' WHEN ro < 0.05 THEN 'REFUSED' ELSE 'RESULT' END,
        days, CASE WHEN rs < 0.08 THEN 1 ELSE 0 END,
        recv - interval '20 minutes', recv, recv, due,
        CASE WHEN is_late AND rap < 0.7 THEN due + interval '5 days' ELSE due END,
        fin, fin + interval '1 day',
        is_late, is_late, CASE WHEN is_late AND rap < 0.7 THEN due - interval '1 day' END,
        is_late, CASE WHEN is_late AND rex < 0.8 THEN fin END,
        CASE WHEN rf < 0.4 THEN 50000 END, rf < 0.4, rf < 0.2, rd < 0.92,
        fin IS NOT NULL AND ro >= 0.05 AND re < 0.85,
        CASE WHEN fin IS NOT NULL AND ro >= 0.02 AND rr < 0.6 THEN
          CASE WHEN rv < 0.7 THEN 'VERY_SATISFIED' WHEN rv < 0.95 THEN 'SATISFIED' ELSE 'NOT_SATISFIED' END END,
        CASE WHEN fin IS NOT NULL AND ro >= 0.02 AND rr < 0.6 THEN fin + interval '1 day' END,
        CASE WHEN fin IS NOT NULL AND ro >= 0.02 AND rr < 0.6 THEN 'CITIZEN' END,
        CASE WHEN fin IS NOT NULL AND ro >= 0.02 THEN round((extract(epoch FROM fin - recv) / 86400 * 5 / 7)::numeric, 2) END
      FROM (
        SELECT b.*, a.id AS agency, a.level, p.code, p.field, p.days, due,
          (NOT open AND ro >= 0.02 AND rl < 0.05) AS is_late,
          CASE WHEN open THEN NULL
               WHEN ro >= 0.02 AND rl < 0.05 THEN due + (1 + rt * 4) * interval '1 day'
               ELSE recv + (due - recv) * (0.2 + 0.8 * rt) END AS fin,
          open
        FROM (
          SELECT g, random() AS rc, random() AS ro, random() AS rs, random() AS rl, random() AS rap, random() AS rex,
                 random() AS rf, random() AS rd, random() AS re, random() AS rr, random() AS rv, random() AS rt,
                 floor(random() * (SELECT count(*) FROM bench_agency))::int AS ai, floor(random() * 60)::int AS pi,
                 timestamptz '2025-01-01 08:00+07' + floor(random() * 365) * interval '1 day'
                   + random() * interval '8 hours' AS recv, random() AS ropen
          FROM generate_series(1, {{N}}) g
        ) b
        JOIN bench_agency a ON a.idx = b.ai
        JOIN bench_proc p ON p.idx = b.pi
        CROSS JOIN LATERAL (SELECT b.recv + p.days * 1.4 * interval '1 day' AS due,
                                   (b.recv > timestamptz '2025-12-10 00:00+07' AND b.ropen < 0.5) AS open) t
      ) x;
      """;

  /**
   * Each dossier as a Camunda process instance with six variables (a real dossier process holds more):
   * the appointment as a Date variable (LONG_ = epoch millis), the outcome, the handling agency and
   * three more. ACT_HI_* use {@code timestamp} without zone; values are UTC.
   */
  static final String HISTORY = """
      TRUNCATE ACT_HI_PROCINST, ACT_HI_VARINST;
      INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_,
          DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
      SELECT 'pi' || id, 'pi' || id, code, 'dossier', 'dossier:1:1', received_at AT TIME ZONE 'UTC',
             finished_at AT TIME ZONE 'UTC', (extract(epoch FROM finished_at - received_at) * 1000)::bigint,
             'StartEvent_Received', CASE WHEN finished_at IS NOT NULL THEN 'EndEvent_Finished' END, 'pi' || id,
             CASE WHEN finished_at IS NULL THEN 'ACTIVE' ELSE 'COMPLETED' END
      FROM onestop.dossier;
      INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
          ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, LONG_, TEXT_, STATE_)
      SELECT 'v' || d.id || '-' || v.n, 'dossier', 'dossier:1:1', 'pi' || d.id, 'pi' || d.id, 'pi' || d.id, 'pi' || d.id,
             v.name, v.type, d.received_at AT TIME ZONE 'UTC', 1, v.long, v.text, 'CREATED'
      FROM onestop.dossier d CROSS JOIN LATERAL (VALUES
        (1, 'originalDueAt', 'date', (extract(epoch FROM d.original_due_at) * 1000)::bigint, NULL),
        (2, 'outcome', 'string', NULL, d.outcome),
        (3, 'handlingAgencyId', 'string', NULL, d.handling_agency_id),
        (4, 'channel', 'string', NULL, d.channel),
        (5, 'procedureCode', 'string', NULL, d.procedure_code),
        (6, 'applicantName', 'string', NULL, d.applicant_name)) v(n, name, type, long, text);
      """;

  static String agencyIds(List<Agency> agencies) {
    return agencies.stream().map(Agency::id).collect(Collectors.joining(","));
  }
}
