#!/usr/bin/env bash
# Side-by-side benchmark: Karrier against Apache RocketMQ 4.9.7 on this machine, same client
# (LoadTool, rocketmq-client 4.9.7), same loads, alternating between the two brokers over several
# rounds. Prints per-load tables with Karrier/RocketMQ ratios and writes them to
# benchmarks/target/side-by-side-<date>.md. See benchmarks/README.md ("Side by side").
#
# Usage: benchmarks/side-by-side.sh [options]   (from anywhere; --help lists the options)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPT="$ROOT/benchmarks/side-by-side.sh"

ROUNDS=3
DURATION=12s
WARMUP=10s
DRAIN=100000
HEAP=1g
SYNC_FLUSH=false
REBUILD=false
NETNS=auto
LOADS=all
PORT_BASE=47000
IN_NETNS=false
ARGS=("$@")

usage() {
    cat <<EOF
usage: benchmarks/side-by-side.sh [options]
  --rounds N        rounds; each runs every load once against each broker (default $ROUNDS)
  --duration D      length of each produce load, LoadTool syntax (default $DURATION)
  --warmup D        unrecorded sync send against each broker before round 1 (default $WARMUP; 0s for none)
  --drain N         messages the push consumer drains per run, sent first by an unrecorded async load (default $DRAIN)
  --heap SIZE       -Xms and -Xmx of both brokers (default $HEAP)
  --sync-flush      both brokers flush synchronously (Karrier: karrier-flush-sync at boot; RocketMQ: SYNC_FLUSH)
  --loads REGEX     run only the loads whose name matches (default: all; names: sync-128B-t1 ... drain-1KiB)
  --rebuild         build the distribution and benchmarks.jar even if they exist
  --port-base P     loopback ports P..P+20 are used (default $PORT_BASE)
  --no-netns        do not run in a private network namespace (see below)
A full default run takes about 20 minutes on 2 cores. RocketMQ 4.9.7 cannot be told to bind one
address, so when run as root the measurement runs in a private network namespace that has only the
loopback interface (unshare --net); otherwise RocketMQ's ports are on every interface while it runs.
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --drain) DRAIN=$2; shift 2 ;;
        --heap) HEAP=$2; shift 2 ;;
        --sync-flush) SYNC_FLUSH=true; shift ;;
        --loads) LOADS=$2; shift 2 ;;
        --rebuild) REBUILD=true; shift ;;
        --port-base) PORT_BASE=$2; shift 2 ;;
        --no-netns) NETNS=no; shift ;;
        --in-netns) IN_NETNS=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

log() { echo "[side-by-side $(date -u +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

TARGET="$ROOT/benchmarks/target"
BENCH_JAR="$TARGET/benchmarks.jar"
RMQ_DIR="$TARGET/rocketmq-4.9.7"
mkdir -p "$TARGET"

# ---------------------------------------------------------------- build (outside the namespace)
prepare() {
    local tarball
    tarball=$(ls "$ROOT"/karaf-assembly/target/karrier-assembly-*.tar.gz 2>/dev/null | head -1 || true)
    if $REBUILD || [ -z "$tarball" ] || [ ! -f "$BENCH_JAR" ]; then
        log "building the distribution and benchmarks.jar (mvn package, nothing installed)"
        (cd "$ROOT" && mvn -B -ntp -q package -DskipTests -pl karaf-assembly,benchmarks -am) || die "build failed"
    else
        log "reusing $tarball and $BENCH_JAR (--rebuild to build again)"
    fi
    if [ ! -f "$RMQ_DIR/lib/rocketmq-broker-4.9.7.jar" ]; then
        log "fetching Apache RocketMQ 4.9.7 name server and broker jars into $RMQ_DIR/lib"
        mkdir -p "$RMQ_DIR"
        cat > "$RMQ_DIR/pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.benchmark</groupId><artifactId>rocketmq-reference</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.rocketmq</groupId><artifactId>rocketmq-namesrv</artifactId><version>4.9.7</version></dependency>
    <dependency><groupId>org.apache.rocketmq</groupId><artifactId>rocketmq-broker</artifactId><version>4.9.7</version></dependency>
  </dependencies>
</project>
EOF
        (cd "$RMQ_DIR" && mvn -B -ntp -q dependency:copy-dependencies -DoutputDirectory=lib) || die "could not fetch RocketMQ jars"
    fi
}

if ! $IN_NETNS; then
    prepare
    if [ "$NETNS" = auto ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null; then
        log "running in a private network namespace (loopback only)"
        exec unshare --net -- "$SCRIPT" "${ARGS[@]}" --in-netns
    fi
    log "WARNING: not in a private network namespace: RocketMQ's ports listen on every interface while it runs"
else
    ip link set lo up
fi

# ---------------------------------------------------------------- set-up
STAMP=$(date -u +%Y%m%d-%H%M%S)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/side-by-side.XXXXXX")
RESULTS="$WORK/results.tsv"
REPORT="$TARGET/side-by-side-$STAMP.md"
TARBALL=$(ls "$ROOT"/karaf-assembly/target/karrier-assembly-*.tar.gz | head -1)
CLK_TCK=$(getconf CLK_TCK)
JAVA_BIN=$(command -v java)
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$JAVA_BIN")")")}

K_NAMESRV=$((PORT_BASE + 1)); K_BROKER=$((PORT_BASE + 4)); K_SSH=$((PORT_BASE + 5))
K_RMI_REGISTRY=$((PORT_BASE + 6)); K_RMI_SERVER=$((PORT_BASE + 7))
R_NAMESRV=$((PORT_BASE + 11)); R_BROKER=$((PORT_BASE + 14))   # RocketMQ also takes broker-2 and broker+1

KARRIER_PID=""; RMQ_NAMESRV_PID=""; RMQ_BROKER_PID=""

stop_pid() { # pid: SIGTERM, then SIGKILL after 30 s
    local pid=$1 i
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
    log "pid $pid did not stop within 30 s of SIGTERM: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    log "stopping the brokers"
    stop_pid "$KARRIER_PID"; stop_pid "$RMQ_BROKER_PID"; stop_pid "$RMQ_NAMESRV_PID"
    rm -rf "$WORK/karrier/store" "$WORK/rocketmq/store"
    log "logs kept in $WORK"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in $K_NAMESRV $K_BROKER $((K_BROKER - 2)) $K_SSH $K_RMI_REGISTRY $K_RMI_SERVER \
         $R_NAMESRV $R_BROKER $((R_BROKER - 2)) $((R_BROKER + 1)); do
    port_open "$p" && die "port $p is taken (choose another --port-base)"
done

await() { # seconds, description, command...: polls every 0.5 s
    local seconds=$1 what=$2 i; shift 2
    for i in $(seq 1 $((seconds * 2))); do "$@" && return 0; sleep 0.5; done
    die "$what not ready within $seconds s"
}

cfg_put() { # file key value: drop the key's line, append key = value
    sed -i -E "/^[[:space:]]*$2[[:space:]]*[=:]/d" "$1"
    echo "$2 = $3" >> "$1"
}

start_karrier() {
    local home="$WORK/karrier"
    mkdir -p "$home"
    tar -xzf "$TARBALL" -C "$home" --strip-components=1
    cfg_put "$home/etc/io.karrier.namesrv.cfg" bindAddress 127.0.0.1
    cfg_put "$home/etc/io.karrier.namesrv.cfg" listenPort "$K_NAMESRV"
    cfg_put "$home/etc/io.karrier.broker.cfg" bindAddress 127.0.0.1
    cfg_put "$home/etc/io.karrier.broker.cfg" brokerIP 127.0.0.1
    cfg_put "$home/etc/io.karrier.broker.cfg" listenPort "$K_BROKER"
    cfg_put "$home/etc/io.karrier.broker.cfg" namesrvAddr "127.0.0.1:$K_NAMESRV"
    cfg_put "$home/etc/io.karrier.store.cfg" storePath "$home/store"
    cfg_put "$home/etc/org.apache.karaf.shell.cfg" sshHost 127.0.0.1
    cfg_put "$home/etc/org.apache.karaf.shell.cfg" sshPort "$K_SSH"
    cfg_put "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$K_RMI_REGISTRY"
    cfg_put "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$K_RMI_SERVER"
    cfg_put "$home/etc/org.ops4j.pax.url.mvn.cfg" org.ops4j.pax.url.mvn.repositories ""
    if $SYNC_FLUSH; then
        sed -i -E 's|^([[:space:]]*karrier/[^,]*),|\1, karrier-flush-sync,|' "$home/etc/org.apache.karaf.features.cfg"
        grep -q 'karrier-flush-sync' "$home/etc/org.apache.karaf.features.cfg" || die "could not add karrier-flush-sync"
    fi
    log "starting Karrier (name server :$K_NAMESRV, broker :$K_BROKER)"
    (
        cd "$home"
        unset KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_LOG KARAF_OPTS KARAF_SYSTEM_OPTS KARAF_DEBUG JAVA_OPTS JAVA_DEBUG_OPTS
        export JAVA_MIN_MEM=$HEAP JAVA_MAX_MEM=$HEAP EXTRA_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC" CHECK_ROOT_INSTANCE_RUNNING=false
        exec bin/karaf daemon > karaf.out 2>&1
    ) &
    KARRIER_PID=$!
    await 180 "Karrier" karrier_ready
    [ "$(cat /proc/$KARRIER_PID/comm)" = java ] || die "Karrier pid $KARRIER_PID is not the JVM"
    local flush; flush=$($SYNC_FLUSH && echo sync || echo async)
    await 30 "Karrier's $flush flush" grep -q "Flush strategy now $flush" "$home/data/log/karaf.log"
}
karrier_ready() {
    kill -0 "$KARRIER_PID" 2>/dev/null || die "Karrier exited while starting; see $WORK/karrier/karaf.out"
    local log="$WORK/karrier/data/log/karaf.log"
    port_open "$K_NAMESRV" && port_open "$K_BROKER" && [ -f "$log" ] \
        && grep -q 'Karrier broker .* started on' "$log" && grep -Eq 'Store (opened|recovered) \(' "$log"
}

start_rocketmq() {
    local home="$WORK/rocketmq" name
    mkdir -p "$home/conf" "$home/store"
    for name in namesrv broker; do
        cat > "$home/conf/logback_$name.xml" <<EOF
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>$home/$name.log</file>
    <encoder><pattern>%d %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
EOF
    done
    cat > "$home/namesrv.properties" <<EOF
listenPort=$R_NAMESRV
kvConfigPath=$home/namesrv/kvConfig.json
configStorePath=$home/namesrv/namesrv.properties
EOF
    cat > "$home/broker.conf" <<EOF
brokerClusterName=DefaultCluster
brokerName=broker-a
brokerId=0
brokerIP1=127.0.0.1
listenPort=$R_BROKER
namesrvAddr=127.0.0.1:$R_NAMESRV
storePathRootDir=$home/store
storePathCommitLog=$home/store/commitlog
flushDiskType=$($SYNC_FLUSH && echo SYNC_FLUSH || echo ASYNC_FLUSH)
autoCreateTopicEnable=true
EOF
    local opens="--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
    log "starting Apache RocketMQ 4.9.7 (name server :$R_NAMESRV, broker :$R_BROKER)"
    (cd "$home" && ROCKETMQ_HOME="$home" exec java -Xms256m -Xmx256m -XX:+UseG1GC $opens -Duser.home="$home" \
        -cp "$RMQ_DIR/lib/*" org.apache.rocketmq.namesrv.NamesrvStartup -c namesrv.properties > namesrv.out 2>&1) &
    RMQ_NAMESRV_PID=$!
    await 60 "RocketMQ name server" grep -q 'boot success' "$home/namesrv.out"
    (cd "$home" && ROCKETMQ_HOME="$home" exec java -Xms$HEAP -Xmx$HEAP -XX:+UseG1GC $opens -Duser.home="$home" \
        -cp "$RMQ_DIR/lib/*" org.apache.rocketmq.broker.BrokerStartup -c broker.conf > broker.out 2>&1) &
    RMQ_BROKER_PID=$!
    await 120 "RocketMQ broker" rocketmq_ready
}
rocketmq_ready() {
    kill -0 "$RMQ_BROKER_PID" 2>/dev/null || die "RocketMQ broker exited while starting; see $WORK/rocketmq/broker.out"
    grep -q 'boot success' "$WORK/rocketmq/broker.out"
}

# ---------------------------------------------------------------- measurement
cpu_ticks() { # pids...: utime+stime summed
    local pid total=0 fields
    for pid in "$@"; do
        fields=$(sed 's/^.*) //' "/proc/$pid/stat")   # past "pid (comm) "; utime and stime are then fields 12, 13
        total=$((total + $(echo "$fields" | awk '{print $12 + $13}')))
    done
    echo "$total"
}
status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }

namesrv_of() { [ "$1" = karrier ] && echo "127.0.0.1:$K_NAMESRV" || echo "127.0.0.1:$R_NAMESRV"; }
# CPU is the broker's process; for RocketMQ its name server's too, since Karrier's runs in its JVM
cpu_pids_of() { [ "$1" = karrier ] && echo "$KARRIER_PID" || echo "$RMQ_BROKER_PID $RMQ_NAMESRV_PID"; }
broker_pid_of() { [ "$1" = karrier ] && echo "$KARRIER_PID" || echo "$RMQ_BROKER_PID"; }

seconds_of() { # LoadTool duration -> whole seconds (rounded up)
    case "$1" in
        *ms) echo $(( (${1%ms} + 999) / 1000 )) ;;
        *s) echo "${1%s}" ;;
        *m) echo $(( ${1%m} * 60 )) ;;
        *) echo "$1" ;;
    esac
}

loadtool() { # broker, log file, LoadTool arguments...: killed 90 s after the --duration among them
    local broker=$1 out=$2 limit=0 previous=""; shift 2
    for arg in "$@"; do [ "$previous" = --duration ] && limit=$(seconds_of "$arg"); previous=$arg; done
    limit=$((limit + 90))
    timeout -k 10 "$limit" java -Xmx1g -cp "$BENCH_JAR" io.karrier.benchmarks.load.LoadTool "$@" \
        --namesrv "$(namesrv_of "$broker")" > "$out" 2>&1
}

LOAD_NAMES=(sync-128B-t1 sync-128B-t8 sync-128B-t32 sync-1KiB-t1 sync-1KiB-t8 sync-1KiB-t32
            async-1KiB-t32 oneway-1KiB-t32 drain-1KiB)
load_args() {
    case "$1" in
        sync-128B-t*) echo "produce --send sync --size 128 --threads ${1##*-t}" ;;
        sync-1KiB-t*) echo "produce --send sync --size 1k --threads ${1##*-t}" ;;
        async-1KiB-t32) echo "produce --send async --size 1k --threads 32 --max-in-flight 1024" ;;
        oneway-1KiB-t32) echo "produce --send oneway --size 1k --threads 32" ;;
    esac
}

field() { grep -o "$1=[0-9.]*" "$2" 2>/dev/null | head -1 | cut -d= -f2 || true; }

run_load() { # round, load, broker
    local round=$1 load=$2 broker=$3 out="$WORK/logs/r$1-$2-$3.log" rc=0 before after pids
    pids=$(cpu_pids_of "$broker")
    if [ "$load" = drain-1KiB ]; then
        local topic="SbsDrain$round" sent
        loadtool "$broker" "$out.fill" produce --topic "$topic" --create-topic 8 --send async --size 1k --threads 8 \
            --max-in-flight 1024 --messages "$DRAIN" --duration 120s || true
        sent=$(field messages "$out.fill"); sent=${sent:-0}
        [ "$sent" -gt 0 ] || { log "  $broker: filling $topic failed, see $out.fill"; sent=$DRAIN; }
        before=$(cpu_ticks $pids)
        loadtool "$broker" "$out" consume --topic "$topic" --group "sbs-drain-$round" --messages "$sent" \
            --duration 180s || rc=$?
    else
        before=$(cpu_ticks $pids)
        # shellcheck disable=SC2046
        loadtool "$broker" "$out" $(load_args "$load") --topic SbsLoad --create-topic 8 --duration "$DURATION" || rc=$?
    fi
    after=$(cpu_ticks $pids)
    local pid; pid=$(broker_pid_of "$broker")
    local messages tps p50 p99 p999 cpu
    messages=$(field messages "$out"); tps=$(field tps "$out")
    p50=$(field p50 "$out"); p99=$(field p99 "$out"); p999=$(field p999 "$out")
    cpu=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" 'BEGIN {printf "%.2f", t / hz}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$load" "$broker" "${messages:-0}" "${tps:-0}" \
        "${p50:--}" "${p99:--}" "${p999:--}" "$cpu" "$(status_kb "$pid" VmHWM)" "$(status_kb "$pid" RssAnon)" "$rc" >> "$RESULTS"
    log "  $load $broker: tps=${tps:-?} p99=${p99:-?} ms cpu=${cpu}s exit=$rc"
    [ "$rc" = 0 ] || log "    (see $out)"
}

# ---------------------------------------------------------------- report
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
fmt() { awk -v v="$1" 'BEGIN {if (v == "-" || v == "") print "-"; else if (v >= 100) printf "%.0f", v; else printf "%.3g", v}'; }

# column of results.tsv for a metric, and its per-message variant for CPU
metric_values() { # load broker metric -> one value per round (round<TAB>value)
    awk -F'\t' -v l="$1" -v b="$2" -v m="$3" '$2 == l && $3 == b {
        if (m == "tps") v = $5; else if (m == "p50") v = $6; else if (m == "p99") v = $7; else if (m == "p999") v = $8;
        else if (m == "cpu") v = $9; else if (m == "cpu_us_per_msg") v = ($4 > 0 ? $9 * 1e6 / $4 : "-");
        else if (m == "hwm") v = $10 / 1024; else if (m == "rss_anon") v = $11 / 1024;
        if (v != "-" && v != "") print $1 "\t" v }' "$RESULTS"
}

METRICS=(tps p50 p99 p999 cpu cpu_us_per_msg hwm rss_anon)
metric_label() {
    case $1 in
        tps) echo "TPS (msg/s)" ;; p50) echo "p50 ms" ;; p99) echo "p99 ms" ;; p999) echo "p999 ms" ;;
        cpu) echo "broker CPU s" ;; cpu_us_per_msg) echo "broker CPU µs/msg" ;;
        hwm) echo "peak RSS MiB (VmHWM)" ;; rss_anon) echo "RssAnon MiB (end)" ;;
    esac
}
ratios() { # load metric -> Karrier/RocketMQ per round, one a line
    join -t $'\t' <(metric_values "$1" karrier "$2" | sort) <(metric_values "$1" rocketmq "$2" | sort) \
        | awk -F'\t' '$3 > 0 {print $2 / $3}'
}
ratio_summary() { # load metric -> "median | min–max"
    local values med lo hi
    values=$(ratios "$1" "$2")
    [ -n "$values" ] || { echo "- | -"; return; }
    med=$(echo "$values" | median); lo=$(echo "$values" | sort -g | head -1); hi=$(echo "$values" | sort -g | tail -1)
    echo "$(fmt "$med") | $(fmt "$lo")–$(fmt "$hi")"
}

report_summary() {
    echo
    echo "### Karrier/RocketMQ, median over rounds (min–max)"
    echo
    echo "| load | TPS | p99 | broker CPU µs/msg | peak RSS (VmHWM) | RssAnon |"
    echo "|---|---|---|---|---|---|"
    local load metric row
    for load in "${SELECTED[@]}"; do
        row="| $load |"
        for metric in tps p99 cpu_us_per_msg hwm rss_anon; do
            row="$row $(ratio_summary "$load" $metric | sed 's/ | / (/; s/$/)/') |"
        done
        echo "$row"
    done
}

report_load() { # load
    local load=$1 metric k r
    echo
    echo "### $load"
    echo
    echo "| metric | Karrier | RocketMQ | Karrier/RocketMQ (median) | ratio min–max |"
    echo "|---|---|---|---|---|"
    for metric in "${METRICS[@]}"; do
        k=$(metric_values "$load" karrier $metric | cut -f2 | median)
        r=$(metric_values "$load" rocketmq $metric | cut -f2 | median)
        echo "| $(metric_label $metric) | $(fmt "$k") | $(fmt "$r") | $(ratio_summary "$load" $metric) |"
    done
}

write_report() {
    {
        echo "# Karrier vs Apache RocketMQ 4.9.7, side by side ($(date -u '+%Y-%m-%d %H:%M UTC'))"
        echo
        echo "- command: \`benchmarks/side-by-side.sh${ARGS[*]:+$(printf ' %q' "${ARGS[@]}" | sed 's/ --in-netns//')}\`"
        echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
        echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average before: $LOAD_BEFORE; java $("$JAVA_BIN" -version 2>&1 | head -1 | cut -d'"' -f2)"
        echo "- settings: $ROUNDS round(s), $DURATION per produce load, drain of $DRAIN messages, heap -Xms$HEAP -Xmx$HEAP (G1) on both brokers, flush $($SYNC_FLUSH && echo sync || echo async) on both, one broker each, topic of 8 queues"
        echo "- loads alternate between the brokers (odd rounds Karrier first); latency is LoadTool's (send to acknowledgement; drain: birth to delivery, so it includes the backlog's wait)"
        echo "- broker CPU: utime+stime of the broker JVM during the load (RocketMQ: broker plus name server JVMs; Karrier's name server is in its JVM); RSS: the broker JVM after the load"
        echo "- ratios are Karrier/RocketMQ within a round; higher is better for TPS, lower for latency, CPU and RSS"
        echo "- oneway: LoadTool counts requests handed to the connection; RocketMQ drops oneway sends that wait over 200 ms in its queue, silently"
        report_summary
        for load in "${SELECTED[@]}"; do report_load "$load"; done
        echo
        echo "### Runs"
        echo
        echo "| round | load | broker | messages | TPS | p50 ms | p99 ms | p999 ms | CPU s | VmHWM KiB | RssAnon KiB | exit |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
        awk -F'\t' '{printf "|"; for (i = 1; i <= NF; i++) printf " %s |", $i; print ""}' "$RESULTS"
    } > "$REPORT"
}

# ---------------------------------------------------------------- run
SELECTED=()
for load in "${LOAD_NAMES[@]}"; do
    [ "$LOADS" = all ] || [[ $load =~ $LOADS ]] && SELECTED+=("$load")
done
[ ${#SELECTED[@]} -gt 0 ] || die "no load matches $LOADS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$WORK/logs"
: > "$RESULTS"
log "work directory $WORK; loads: ${SELECTED[*]}"
start_karrier
start_rocketmq
if [ "$(seconds_of "$WARMUP")" -gt 0 ]; then
    for broker in karrier rocketmq; do
        log "warm-up $broker ($WARMUP)"
        loadtool "$broker" "$WORK/logs/warmup-$broker.log" produce --send sync --size 1k --threads 8 --topic SbsLoad \
            --create-topic 8 --duration "$WARMUP" || log "  warm-up of $broker failed, see $WORK/logs/warmup-$broker.log"
    done
fi
for round in $(seq 1 "$ROUNDS"); do
    log "round $round of $ROUNDS"
    for load in "${SELECTED[@]}"; do
        if [ $((round % 2)) = 1 ]; then order="karrier rocketmq"; else order="rocketmq karrier"; fi
        for broker in $order; do run_load "$round" "$load" "$broker"; done
    done
    write_report
done
cp "$RESULTS" "${REPORT%.md}.tsv"
cat "$REPORT"
log "written to $REPORT"
