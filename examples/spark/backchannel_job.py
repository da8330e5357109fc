#!/usr/bin/env python3
"""backchannel on Apache Spark.

The pipeline is the binary's streaming stages run as Spark SQL `TRANSFORM`
steps:

0. `backchannel sides -`     per partition: sides each story introduces,
   collected into one file the next stage reads;
1. `backchannel annotate -`  per partition of documents (the heavy part:
   extraction, speaker, side, channel);
2. `backchannel topics -`    one task over all annotated statements
   (topics are a corpus-level grouping; statements are small);
3. `backchannel pair -`      per side, after Spark SQL repartitions the
   (side, topic, statement) lines by side.

Usage (local mode shown; see README.md for a cluster):

    spark-submit --files target/release/backchannel \\
        examples/spark/backchannel_job.py --input docs.jsonl --output out/

`--input` is JSON Lines, one document per line, as `backchannel text --json`
writes (`{"id","title","outlet","date","url","text"}`). `--output` receives
`divergences.jsonl` (one divergence or private-only line per row, the
`pair` stage's format), `groups.csv` (statement counts per side, topic and
channel) and `failed.jsonl` (documents that could not be read).
"""

import argparse
import json
import os
import shlex
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def stage(binary, *args):
    """The shell command of one stage: one thread per task, no progress bar."""
    return "env RAYON_NUM_THREADS=1 " + " ".join(shlex.quote(a) for a in (binary, *args, "--quiet", "-"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", required=True, help="documents, JSON Lines")
    parser.add_argument("--output", required=True, help="output directory")
    parser.add_argument("--binary", default="backchannel",
                        help="name of the binary shipped with --files (default: backchannel), "
                             "or a path valid on every executor")
    parser.add_argument("--partitions", type=int, default=4, help="partitions for the annotate stage")
    parser.add_argument("--actors", help="actors TOML, shipped with --files too")
    parser.add_argument("--topics", help="topics TOML, shipped with --files too")
    parser.add_argument("--shared-dir", help="a directory every executor can read, for the sides file "
                                             "the driver writes between stages (default: --output, "
                                             "right for local mode)")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("backchannel").getOrCreate()
    binary = shipped(args.binary)
    extra = []
    if args.actors:
        extra += ["--actors", shipped(args.actors)]
    topic_args = list(extra)
    if args.topics:
        topic_args += ["--topics", shipped(args.topics)]

    docs = spark.read.text(args.input).repartition(args.partitions)
    docs.createOrReplaceTempView("documents")

    # Stage 0: the sides every story introduces, collected on the driver and
    # handed to every annotate task, so that a side one story establishes is
    # known in all the others (as in a single-process run).
    # Equal lines are counted, not just deduplicated: a name more stories
    # read as a person's than as a side is dropped (`documents` votes).
    sides = spark.sql(f"SELECT line, count(*) AS n FROM (SELECT TRANSFORM(value) USING "
                      f"'{stage(binary, 'sides', *extra)}' AS (line STRING) FROM documents) GROUP BY line")
    os.makedirs(args.output, exist_ok=True)
    sides_file = os.path.abspath(os.path.join(args.shared_dir or args.output, "sides.jsonl"))

    def counted(row):
        side = json.loads(row.line)
        side["documents"] = side.get("documents", 1) * row.n
        return json.dumps(side, sort_keys=True)

    write_lines(sides_file, sorted(counted(r) for r in sides.collect()))

    # Stage 1: per partition, in parallel.
    annotated = spark.sql(
        f"SELECT TRANSFORM(value) USING '{stage(binary, 'annotate', '--sides', sides_file, *extra)}' "
        "AS (line STRING) FROM documents"
    ).cache()
    annotated.createOrReplaceTempView("annotated")

    failed = spark.sql("SELECT line FROM annotated WHERE get_json_object(line, '$.failed') IS NOT NULL")

    # Stage 2: one task sees every statement.
    spark.sql("SELECT /*+ COALESCE(1) */ line FROM annotated "
              "WHERE get_json_object(line, '$.failed') IS NULL").createOrReplaceTempView("annotated_ok")
    grouped = spark.sql(
        f"SELECT TRANSFORM(line) USING '{stage(binary, 'topics', *topic_args)}' AS (line STRING) FROM annotated_ok"
    ).cache()
    grouped.createOrReplaceTempView("grouped")

    # The groups, by Spark SQL: counts per side, topic and channel.
    groups = spark.sql(
        "SELECT get_json_object(line, '$.side') AS side, get_json_object(line, '$.topic') AS topic, "
        "get_json_object(line, '$.statement.channel') AS channel, count(*) AS statements "
        "FROM grouped GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )

    # Stage 3: each side's (side, topic) groups land whole in one partition:
    # pairing looks across a side's topics so as not to report one pair twice.
    spark.sql(
        "SELECT line FROM grouped DISTRIBUTE BY get_json_object(line, '$.side')"
    ).createOrReplaceTempView("by_group")
    paired = spark.sql(
        f"SELECT TRANSFORM(line) USING '{stage(binary, 'pair', *topic_args)}' AS (line STRING) FROM by_group"
    )

    rows = sorted(r.line for r in paired.collect())
    write_lines(os.path.join(args.output, "divergences.jsonl"), rows)
    write_lines(os.path.join(args.output, "failed.jsonl"), sorted(r.line for r in failed.collect()))
    with open(os.path.join(args.output, "groups.csv"), "w", encoding="utf-8") as out:
        out.write("side,topic,channel,statements\n")
        for r in groups.collect():
            out.write(",".join(csv_field(v) for v in (r.side, r.topic, r.channel, str(r.statements))) + "\n")
    kinds = [json.loads(r)["kind"] for r in rows]
    print(f"backchannel-spark: {kinds.count('divergence')} divergences, "
          f"{kinds.count('private_only')} private-only lines", file=sys.stderr)
    spark.stop()


def shipped(name):
    """The local path of a file shipped with `spark-submit --files` (or
    `addFile`); a name containing a slash is taken as a path as it is."""
    if "/" in name:
        return os.path.abspath(name) if os.path.exists(name) else name
    return SparkFiles.get(name)


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")


def csv_field(value):
    value = "" if value is None else str(value)
    if any(c in value for c in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


if __name__ == "__main__":
    main()
