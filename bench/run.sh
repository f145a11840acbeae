#!/usr/bin/env bash
# Benchmarks of oda-maven-plugin, each printed as a ratio against a baseline measured in the same run.
#  1. plan: Planner.plan (config + values + git diff + globs + coverage lint) on a synthetic monorepo of
#     IMAGES images and FILES files on a feature branch, against `git diff --name-only <merge-base>` alone.
#  2. context tar: streaming a build context holding a 512 MiB file to a tar with a 64 MiB heap (the context is
#     never held in memory), against GNU tar writing the same archive.
# Usage: bench/run.sh [IMAGES] [FILES]   (defaults 40 and 20000). Needs git, tar and ./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGES=${1:-40}
FILES=${2:-20000}
work=$(mktemp -d /tmp/oda-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat "$work/cp.txt")"

repo="$work/repo"
mkdir -p "$repo/charts/app"
: > "$repo/dockerbuild-config.yaml"
echo "# versions" > "$repo/charts/app/values.yaml"
per=$((FILES / IMAGES))
for i in $(seq 1 "$IMAGES"); do
  mkdir -p "$repo/src/img$i/sub"
  printf 'FROM scratch\n' > "$repo/src/img$i/Dockerfile"
  for j in $(seq 1 "$per"); do echo "$i $j" > "$repo/src/img$i/sub/f$j.txt"; done
  cat >> "$repo/dockerbuild-config.yaml" <<YAML
img$i:
  valuesYamlFile: charts/app/values.yaml
  valuesPathImage: .img$i.image
  valuesPathVersion: .img$i.version
  valuesPathPrereleaseSuffix: .img$i.prereleaseSuffix
  paths: ["src/img$i/**/*"]
  buildContext: src/img$i
YAML
  printf 'img%s:\n  image: org/img%s\n  version: 1.0.0\n  prereleaseSuffix:\n' "$i" "$i" >> "$repo/charts/app/values.yaml"
done
git -C "$repo" init -q -b main
git -C "$repo" -c user.email=b@b -c user.name=b add -A
git -C "$repo" -c user.email=b@b -c user.name=b commit -qm base
git -C "$repo" checkout -q -b feature/bench
# three images change: their sources and their values entries
for i in 1 2 3; do
  echo changed >> "$repo/src/img$i/sub/f1.txt"
  sed -i "/^img$i:\$/,/prereleaseSuffix:/ s/^  prereleaseSuffix:\$/  prereleaseSuffix: bench/" "$repo/charts/app/values.yaml"
done
git -C "$repo" -c user.email=b@b -c user.name=b commit -qam change

ms() { date +%s%3N; }
best_baseline=999999
for _ in 1 2 3 4 5; do
  t0=$(ms); git -C "$repo" diff --name-only "$(git -C "$repo" merge-base HEAD main)" HEAD >/dev/null; t1=$(ms)
  [ $((t1 - t0)) -lt $best_baseline ] && best_baseline=$((t1 - t0))
done
out=$(java -cp "$CP" org.odabuild.bench.PlanBench plan "$repo" 5)
plan_ms=$(echo "$out" | sed 's/.*plan_ms=\([0-9]*\).*/\1/')
echo "plan: $out; baseline git diff --name-only: ${best_baseline} ms (a process of its own)"
awk -v a="$plan_ms" -v b="$best_baseline" 'BEGIN { printf "ratio plan/git-diff: %.1f (best of 5, %d images, %s files)\n", a / (b > 0 ? b : 1), '"$IMAGES"', '"$FILES"' }'

ctx="$work/ctx"
mkdir -p "$ctx"
printf 'FROM scratch\nCOPY big.bin /big.bin\n' > "$ctx/Dockerfile"
head -c $((512 * 1024 * 1024)) /dev/zero > "$ctx/big.bin"
t0=$(ms); tar -C "$ctx" -cf "$work/gnu.tar" Dockerfile big.bin; t1=$(ms)
gnu_ms=$((t1 - t0))
out=$(java -Xmx64m -cp "$CP" org.odabuild.bench.PlanBench tar "$ctx" "$work/oda.tar")
tar_ms=$(echo "$out" | sed 's/.*tar_ms=\([0-9]*\).*/\1/')
echo "context tar: $out; baseline GNU tar: ${gnu_ms} ms"
awk -v a="$tar_ms" -v b="$gnu_ms" 'BEGIN { printf "ratio oda-tar/gnu-tar: %.1f (512 MiB context under a 64 MiB heap)\n", a / (b > 0 ? b : 1) }'
