export interface InitGeneratorSchema {
  adrDirectory?: string;
  catalogInfo?: boolean;
  owner?: string;
  doraWorkflow?: boolean;
  keepExistingVersions?: boolean;
  updatePackageScripts?: boolean;
  skipFormat?: boolean;
}
