package io.tender.adapter.dynamo;

import io.tender.adapter.event.MerchantEventJson;
import io.tender.core.event.MerchantEvent;
import io.tender.core.id.Ids;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.StoredEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merchant events as TenderTable items: the events one change commits share ONE item (inside the
 * settlement's transaction every item is billed twice, and two events compressed together fit in
 * the 1 KB one of them took), in one partition per (tenant, mode, UTC day the item's first event
 * id was made on): {@code pk = T#{t}#{m}#EVENTS#{yyyy-mm-dd}}, {@code sk = {first evtId}}. No
 * index copy. Kept 30 days. Inserting one is what starts its deliveries: the table's stream
 * carries it (by {@code kind}) to the dispatcher, which fans out every event it holds.
 *
 * <p>An item's ids all sort at or after its {@code sk} and were made at most {@link #SPAN} after
 * it ({@link #items} starts another item rather than break that), so the item holding an id is
 * the last one at or before the id, from {@link #earliestKey} on, in the id's day or, for an id
 * made within {@link #SPAN} after midnight, the day before. Other changes' items may sort between
 * an item's ids (ids are made by many containers at once); the feed therefore orders events by
 * item, then by place in the item, never by id alone.
 *
 * <p>The events are stored as one compressed binary attribute, {@code events}: a version byte,
 * then per event its id, type, objectId, sequence, created and body (the exact JSON delivered and
 * signed). An item written before events were grouped ({@code id}, {@code type}, {@code body}
 * attributes of one event) is read as a change of one.
 *
 * <p>Days, not hours: a feed read with no cursor walks every partition of the retention window,
 * 31 days against 721 hours, and a merchant's event rate is far below what one partition takes.
 */
public final class MerchantEventItems {
  /** How long merchants can pull events they missed. */
  public static final Duration RETENTION = Duration.ofDays(30);
  public static final String KIND = "EVENT";
  public static final String ID_PREFIX = "evt";
  /** How long after an item's first id its other ids may have been made. */
  static final Duration SPAN = Duration.ofSeconds(1);
  private static final int FORMAT = 1;

  private MerchantEventItems() {}

  /** One event as an item holds it. */
  public record Entry(String id, String type, String objectId, long sequence, Instant created, String body) {
    public StoredEvent stored(String tenantId, Mode mode) {
      return new StoredEvent(id, tenantId, mode, type, created, body);
    }
  }

  /**
   * The key of an item whose first event is {@code eventId} (which is where an item holding
   * {@code eventId} begins at the latest), or empty when it is not an event id of ours and so
   * names nothing. The tenant and mode come from the caller, never the id: an id that claims
   * another time only points at another day of the caller's own events.
   */
  public static Optional<Map<String, AttributeValue>> key(String tenantId, Mode mode, String eventId) {
    return Ids.createdAt(ID_PREFIX, eventId)
        .map(made -> Map.of("pk", s(dayPartition(tenantId, mode, day(made))), "sk", s(eventId)));
  }

  /** The least {@code sk} an item holding an id made at {@code made} can have. */
  static String earliestKey(Instant made) {
    return Ids.earliest(ID_PREFIX, made.minus(SPAN));
  }

  /** The day partitions an item holding an id made at {@code made} can be in: its own day first. */
  static List<LocalDate> days(Instant made) {
    LocalDate day = day(made);
    LocalDate earliest = day(made.minus(SPAN));
    return earliest.equals(day) ? List.of(day) : List.of(day, earliest);
  }

  /** The partition holding the events of (tenant, mode) whose items' first ids were made on {@code day}. */
  public static String dayPartition(String tenantId, Mode mode, LocalDate day) {
    return "T#" + tenantId + "#" + mode.wire() + "#EVENTS#" + day;
  }

  /** The UTC day of {@code at}: the day partition an item whose first id was made then is filed under. */
  public static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /** A change of one event, as its item. */
  public static Map<String, AttributeValue> item(MerchantEvent event) {
    return items(List.of(event)).getFirst();
  }

  /**
   * The items of the events one change commits, in their order: one item, unless an event's id
   * sorts before its item's first id or was made more than {@link #SPAN} after it (ids from a
   * generator that ran back, or a long pause), which then begins another item.
   */
  public static List<Map<String, AttributeValue>> items(List<MerchantEvent> change) {
    List<List<MerchantEvent>> groups = new ArrayList<>();
    Instant groupMade = null;
    for (MerchantEvent event : change) {
      Instant made = Ids.createdAt(ID_PREFIX, event.id())
          .orElseThrow(() -> new IllegalArgumentException("a merchant event's id must be one Tender made: " + event.id()));
      List<MerchantEvent> group = groups.isEmpty() ? null : groups.getLast();
      if (group == null || event.id().compareTo(group.getFirst().id()) < 0 || Duration.between(groupMade, made)
          .compareTo(SPAN) > 0 || !group.getFirst().tenantId().equals(event.tenantId())
          || group.getFirst().mode() != event.mode()) {
        groups.add(new ArrayList<>(List.of(event)));
        groupMade = made;
      } else {
        group.add(event);
      }
    }
    return groups.stream().map(MerchantEventItems::grouped).toList();
  }

  private static Map<String, AttributeValue> grouped(List<MerchantEvent> events) {
    MerchantEvent first = events.getFirst();
    Map<String, AttributeValue> item = new HashMap<>(key(first.tenantId(), first.mode(), first.id()).orElseThrow());
    Instant created = events.stream().map(MerchantEvent::created).min(Comparator.naturalOrder()).orElseThrow();
    item.put("kind", s(KIND));
    item.put("tenantId", s(first.tenantId()));
    item.put("mode", s(first.mode().wire()));
    item.put("events", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(pack(events))));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(created.plus(RETENTION).getEpochSecond())));
    return item;
  }

  /** The events {@code item} holds, in their order. */
  public static List<Entry> entries(Map<String, AttributeValue> item) {
    AttributeValue packed = item.get("events");
    if (packed != null) {
      return unpack(packed.b().asByteArrayUnsafe());
    }
    return List.of(new Entry(item.get("id").s(), item.get("type").s(), item.get("objectId").s(),
        Long.parseLong(item.get("sequence").n()), Instant.parse(item.get("created").s()), item.get("body").s()));
  }

  /** The events {@code item} holds as the store answers them. */
  static List<StoredEvent> stored(Map<String, AttributeValue> item) {
    String tenantId = item.get("tenantId").s();
    Mode mode = Mode.fromWire(item.get("mode").s()).orElseThrow();
    return entries(item).stream().map(entry -> entry.stored(tenantId, mode)).toList();
  }

  /** Whether {@code item} has expired at {@code now}: TTL deletes days late, so reads check. */
  static boolean expired(Map<String, AttributeValue> item, Instant now) {
    AttributeValue expiresAt = item.get("expiresAt");
    return expiresAt != null && Long.parseLong(expiresAt.n()) <= now.getEpochSecond();
  }

  static byte[] pack(List<MerchantEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
      out.writeByte(FORMAT);
      out.writeInt(events.size());
      for (MerchantEvent event : events) {
        out.writeUTF(event.id());
        out.writeUTF(event.type());
        out.writeUTF(event.objectId());
        out.writeLong(event.sequence());
        out.writeUTF(event.created().toString());
        byte[] body = MerchantEventJson.body(event).getBytes(StandardCharsets.UTF_8);
        out.writeInt(body.length);
        out.write(body);
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  /** The events of a packed {@code events} attribute, as the stream delivers it too. */
  public static List<Entry> unpack(byte[] packed) {
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(packed)))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("merchant events packed in an unknown format: " + format);
      }
      int count = in.readInt();
      List<Entry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String id = in.readUTF();
        String type = in.readUTF();
        String objectId = in.readUTF();
        long sequence = in.readLong();
        Instant created = Instant.parse(in.readUTF());
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        entries.add(new Entry(id, type, objectId, sequence, created, new String(body, StandardCharsets.UTF_8)));
      }
      return List.copyOf(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("merchant events that cannot be unpacked", e);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
