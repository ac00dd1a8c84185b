import ClientCore

await ImpactCLI.main()
