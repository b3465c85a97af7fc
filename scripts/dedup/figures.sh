#!/bin/sh
# Figures for docs/dedup.md: PDQ distances of re-posted variants of the demo and reference images,
# false matches between distinct images, the chosen match distance, hashing and bank lookup times.
#
#   scripts/dedup/figures.sh [--entries N]
#
# Sources: datasets/samples (the bundled demo images) and, when present beside the checkout, the
# reference images under ../shared/samples (read in place; nothing is copied). Tables go to
# standard output, per-variant distances to target/dedup-figures/variants.csv.
set -eu
cd "$(dirname "$0")/../.."
dirs="datasets/samples"
if [ -d ../shared/samples ]; then
    dirs="$dirs ../shared/samples"
fi
cargo build --release --example dedup_figures
# shellcheck disable=SC2086
exec target/release/examples/dedup_figures --out target/dedup-figures "$@" $dirs
