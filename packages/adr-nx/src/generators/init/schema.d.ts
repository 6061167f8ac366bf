export interface InitGeneratorSchema {
  adrDirectory?: string;
  catalogInfo?: boolean;
  owner?: string;
  ciWorkflow?: boolean;
  doraWorkflow?: boolean;
  keepExistingVersions?: boolean;
  updatePackageScripts?: boolean;
  skipFormat?: boolean;
}
