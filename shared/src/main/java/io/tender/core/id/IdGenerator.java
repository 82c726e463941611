package io.tender.core.id;

/**
 * Makes public identifiers such as {@code cs_01JD...}. Behind an interface so that tests and
 * the simulation can make deterministic ones.
 */
@FunctionalInterface
public interface IdGenerator {

  /** A new id: {@code prefix + "_" + a unique, URL-safe, time-ordered suffix}. */
  String next(String prefix);
}
